"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/http/action-state";
import { disconnectAction } from "./actions";

export function DisconnectButton({ connectionId, label }: { connectionId: string; label: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(disconnectAction.bind(null, connectionId), { status: "idle" });
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm(`Disconnect ${label}? Repositories without a token of their own can no longer use it through Benchtop. The token stays valid at the host until you revoke it there.`)) e.preventDefault();
      }}
    >
      <button type="submit" disabled={pending} aria-label={`Disconnect ${label}`} className="text-sm text-red-700 hover:underline disabled:text-slate-400">
        Disconnect
      </button>
      {state.status === "error" && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
