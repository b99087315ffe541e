"use client";

import { useActionState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { copyToProjectAction } from "./actions";

/** A new project holding a copy of the repository with its history; success goes to the project. */
export function CopyToProjectForm({ repositoryId, suggestedName }: { repositoryId: string; suggestedName: string }) {
  const [state, action] = useActionState<ActionState, FormData>(copyToProjectAction.bind(null, repositoryId), { status: "idle" });
  return (
    <form action={action} aria-labelledby="copy-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="copy-heading" className="text-base font-semibold">
        Create project
      </h2>
      <p className="text-sm text-slate-600">A new project of yours with a copy of this repository: every branch, tag and commit. Later changes here do not follow.</p>
      <FormMessage state={state} />
      <Field label="Project name" name="name" defaultValue={state.values?.name ?? suggestedName} error={state.fieldErrors?.name} hint="Letters, digits, '.', '-' and '_'; up to 100 characters." />
      <Field label="Project description" name="description" multiline defaultValue={state.values?.description} error={state.fieldErrors?.description} />
      <SubmitButton>Create project</SubmitButton>
    </form>
  );
}
