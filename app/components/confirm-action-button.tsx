"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/http/action-state";

type Props = {
  /** A server action already bound to what it acts on. */
  action: (prev: ActionState) => Promise<ActionState>;
  /** What the button says, e.g. "Revoke". */
  children: React.ReactNode;
  /** The accessible name, e.g. "Revoke laptop". */
  label: string;
  /** The question asked before acting. */
  confirmText: string;
};

/** A small destructive button that asks first and shows the action's refusal beside it. */
export function ConfirmActionButton({ action, children, label, confirmText }: Props) {
  const [state, run, pending] = useActionState<ActionState, FormData>(action, { status: "idle" });
  return (
    <form
      action={run}
      onSubmit={(e) => {
        if (!confirm(confirmText)) e.preventDefault();
      }}
    >
      <button type="submit" disabled={pending} aria-label={label} className="text-sm text-red-700 hover:underline disabled:text-slate-400">
        {children}
      </button>
      {state.status === "error" && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
