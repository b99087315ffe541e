"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/http/action-state";
import { resetPasswordAction } from "./actions";

/** An administrator sets a new password for a user who lost theirs. */
export function ResetPasswordForm({ userId, email }: { userId: string; email: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(resetPasswordAction.bind(null, userId), { status: "idle" });
  const error = state.fieldErrors?.password ?? (state.status === "error" ? state.message : undefined);
  return (
    <details className="text-left text-sm">
      <summary className="cursor-pointer text-indigo-700 hover:underline">Reset password</summary>
      <form action={action} className="mt-2 space-y-2">
        <label className="block text-xs font-medium text-slate-700">
          New password for {email}
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            aria-invalid={error ? true : undefined}
            className="mt-1 block w-56 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-2 py-1 text-xs font-semibold hover:bg-slate-50">
          Set password
        </button>
        {error && (
          <p role="alert" className="max-w-56 text-xs text-red-700">
            {error}
          </p>
        )}
        {state.status === "success" && (
          <p role="status" className="max-w-56 text-xs text-green-700">
            {state.message}
          </p>
        )}
      </form>
    </details>
  );
}
