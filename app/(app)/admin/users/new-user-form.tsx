"use client";

import { useActionState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { createUserAction } from "./actions";

export function NewUserForm() {
  const [state, action] = useActionState<ActionState, FormData>(createUserAction, { status: "idle" });
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" aria-labelledby="new-user-heading">
      <h2 id="new-user-heading" className="text-base font-semibold sm:col-span-2">
        New user
      </h2>
      <div className="sm:col-span-2">
        <FormMessage state={state} />
      </div>
      <Field label="Full name" name="name" required defaultValue={state.values?.name} error={state.fieldErrors?.name} />
      <Field label="User email" name="email" type="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <Field label="Initial password" name="password" type="password" autoComplete="new-password" required error={state.fieldErrors?.password} hint="At least 8 characters." />
      <div className="text-sm">
        <label htmlFor="new-user-role" className="block font-medium text-slate-700">
          Role
        </label>
        <select id="new-user-role" name="role" defaultValue={state.values?.role ?? "user"} className="mt-1 rounded-md border border-slate-300 px-2 py-2 text-sm">
          <option value="user">user</option>
          <option value="admin">admin</option>
        </select>
      </div>
      <div className="sm:col-span-2">
        <SubmitButton>Create user</SubmitButton>
      </div>
    </form>
  );
}
