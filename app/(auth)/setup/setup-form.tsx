"use client";

import { useActionState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { createFirstAdminAction } from "./actions";

export function SetupForm() {
  const [state, action] = useActionState<ActionState, FormData>(createFirstAdminAction, { status: "idle" });
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <Field label="Name" name="name" autoComplete="name" required defaultValue={state.values?.name} error={state.fieldErrors?.name} />
      <Field label="Email" name="email" type="email" autoComplete="username" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 8 characters." error={state.fieldErrors?.password} />
      <Field label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" required error={state.fieldErrors?.confirmPassword} />
      <SubmitButton>Create administrator</SubmitButton>
    </form>
  );
}
