"use client";

import { useActionState, useState, type ReactNode } from "react";
import type { ActionState } from "@/lib/http/action-state";
import { Field } from "./field";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

/** A deletion that waits until `name` is typed exactly: what it deletes is said in `children`, the button says `submitLabel`. */
export function TypeNameToDeleteForm({
  action: deleteAction,
  name,
  submitLabel,
  formLabel,
  children,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  name: string;
  submitLabel: string;
  formLabel?: string;
  children: ReactNode;
}) {
  const [state, action] = useActionState<ActionState, FormData>(deleteAction, { status: "idle" });
  const [typed, setTyped] = useState("");
  return (
    <form
      action={action}
      aria-label={formLabel}
      className="space-y-3"
      onChange={(e) => {
        const input = e.target as unknown as HTMLInputElement;
        if (input.name === "confirmName") setTyped(input.value);
      }}
      // React empties the form after a refused submission: the button waits for the name again.
      onReset={() => setTyped("")}
    >
      <p className="text-sm text-slate-700">{children}</p>
      <FormMessage state={state} />
      <Field label={`Type ${name} to confirm`} name="confirmName" autoComplete="off" error={state.fieldErrors?.confirmName} />
      <SubmitButton variant="danger" disabled={typed !== name}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
