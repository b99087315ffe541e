"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/http/action-state";
import { unlockUserAction } from "./actions";

/**
 * Shown while an account's failed sign-ins make it wait (`limitedFor`): lets it sign
 * in again at once. Stays mounted when the wait is over so that its outcome stays shown.
 */
export function UnlockButton({ userId, email, limitedFor }: { userId: string; email: string; limitedFor?: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(unlockUserAction.bind(null, userId), { status: "idle" });
  if (state.status === "success") {
    return (
      <span role="status" className="block text-xs text-green-700">
        {state.message}
      </span>
    );
  }
  if (!limitedFor) return null;
  return (
    <form action={action} className="mt-1 flex items-center gap-2 text-xs">
      <span className="text-amber-700">Sign-in limited for {limitedFor} after failed attempts.</span>
      <button type="submit" disabled={pending} className="text-indigo-700 hover:underline" aria-label={`Unlock ${email}`}>
        Unlock
      </button>
      {state.status === "error" && (
        <span role="alert" className="text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
