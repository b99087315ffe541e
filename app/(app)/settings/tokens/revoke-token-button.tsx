"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/http/action-state";
import { revokeTokenAction } from "./actions";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(revokeTokenAction.bind(null, tokenId), { status: "idle" });
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm(`Revoke "${name}"? Scripts and git remotes using it stop working at once.`)) e.preventDefault();
      }}
    >
      <button type="submit" disabled={pending} aria-label={`Revoke ${name}`} className="text-sm text-red-700 hover:underline disabled:text-slate-400">
        Revoke
      </button>
      {state.status === "error" && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
