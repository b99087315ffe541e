"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { switchToInternalAction } from "./actions";

/** Switches new projects back to Benchtop's own git server. */
export function SwitchToInternalForm() {
  const [state, action] = useActionState<ActionState>(switchToInternalAction, { status: "idle" });
  return (
    <form action={action} className="space-y-3">
      <p className="text-sm text-slate-600">New projects can go back to Benchtop&apos;s own git server at any time; projects created in the organization stay there.</p>
      <SubmitButton variant="plain">Use Benchtop&apos;s git server</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
