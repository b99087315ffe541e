"use client";

import { useActionState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { createProjectAction } from "./actions";

export function NewProjectForm() {
  const [state, action] = useActionState<ActionState, FormData>(createProjectAction, { status: "idle" });
  return (
    <form action={action} className="space-y-4" aria-labelledby="new-project-heading">
      <h2 id="new-project-heading" className="text-base font-semibold">
        New project
      </h2>
      <FormMessage state={state} />
      <Field label="Project name" name="name" required defaultValue={state.values?.name} error={state.fieldErrors?.name} hint="Letters, digits, '.', '-' and '_'; up to 100 characters." />
      <Field label="Description" name="description" multiline defaultValue={state.values?.description} error={state.fieldErrors?.description} />
      <SubmitButton>Create project</SubmitButton>
    </form>
  );
}
