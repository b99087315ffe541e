"use client";

import { useActionState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const [state, action] = useActionState<ActionState, FormData>(changePasswordAction, { status: "idle" });
  return (
    <form action={action} className="max-w-md space-y-4" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading" className="text-base font-semibold">
        Change password
      </h2>
      <FormMessage state={state} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={state.fieldErrors?.currentPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required error={state.fieldErrors?.newPassword} hint="At least 8 characters." />
      <Field label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required error={state.fieldErrors?.confirmPassword} />
      <SubmitButton>Change password</SubmitButton>
    </form>
  );
}
