"use client";

import type { ActionState } from "@/lib/http/action-state";
import { ActionButton } from "./action-button";

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
export function ConfirmActionButton(props: Props) {
  return <ActionButton {...props} variant="danger" />;
}
