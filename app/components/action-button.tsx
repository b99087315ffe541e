"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/http/action-state";

const styles = {
  link: "text-indigo-700 hover:underline disabled:text-slate-400",
  danger: "text-sm text-red-700 hover:underline disabled:text-slate-400",
  plain: "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 disabled:text-slate-400",
};

type Props = {
  /** A server action already bound to what it acts on. */
  action: (prev: ActionState) => Promise<ActionState>;
  /** What the button says, e.g. "Mark as read". */
  children: React.ReactNode;
  /** The accessible name when the text alone is not enough, e.g. "Revoke laptop". */
  label?: string;
  /** The question asked before acting, for actions that cannot be undone. */
  confirmText?: string;
  variant?: keyof typeof styles;
};

/** A button that runs a server action (after asking, with `confirmText`) and shows its refusal beside it. */
export function ActionButton({ action, children, label, confirmText, variant = "link" }: Props) {
  const [state, run, pending] = useActionState<ActionState, FormData>(action, { status: "idle" });
  return (
    <form
      action={run}
      onSubmit={(e) => {
        if (confirmText && !confirm(confirmText)) e.preventDefault();
      }}
    >
      <button type="submit" disabled={pending} aria-label={label} className={styles[variant]}>
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
