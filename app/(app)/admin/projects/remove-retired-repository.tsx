"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/http/action-state";
import { removeRetiredRepositoryAction } from "./actions";

/** Remove, after the admin confirms what it does (delete the folder, or delete or archive at the host). */
export function RemoveRetiredRepository({ id, path, what }: { id: string; path: string; what: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(removeRetiredRepositoryAction, { status: "idle" });
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`${what}? This cannot be undone.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-sm text-red-700 hover:underline" aria-label={`Remove ${path}`}>
        Remove
      </button>
      {state.status !== "idle" && (
        <span role={state.status === "error" ? "alert" : "status"} className={`block text-xs ${state.status === "error" ? "text-red-700" : "text-emerald-700"}`}>
          {state.message}
        </span>
      )}
    </form>
  );
}
