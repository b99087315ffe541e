"use client";

import { useActionState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { copyToProjectAction } from "./actions";

/** A new project holding a copy of the repository with its history, or linked to the repository itself; success goes to the project. */
export function CopyToProjectForm({ repositoryId, suggestedName }: { repositoryId: string; suggestedName: string }) {
  const [state, action] = useActionState<ActionState, FormData>(copyToProjectAction.bind(null, repositoryId), { status: "idle" });
  return (
    <form action={action} aria-labelledby="copy-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="copy-heading" className="text-base font-semibold">
        Create project
      </h2>
      <p className="text-sm text-slate-600">A new project of yours, shared and audited like any other, starting from this repository.</p>
      <FormMessage state={state} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">How the project holds the repository</legend>
        <label className="flex gap-2 text-sm text-slate-700">
          <input type="radio" name="mode" value="copy" defaultChecked={state.values?.mode !== "link"} className="mt-1" />
          <span>
            <span className="font-medium">Copy</span> every branch, tag and commit onto Benchtop&apos;s git server. Later changes at the host do not follow.
          </span>
        </label>
        <label className="flex gap-2 text-sm text-slate-700">
          <input type="radio" name="mode" value="link" defaultChecked={state.values?.mode === "link"} className="mt-1" />
          <span>
            <span className="font-medium">Link</span> to the repository itself: sessions clone from it and push to it at its host, each member with their own connection.
          </span>
        </label>
      </fieldset>
      <Field label="Project name" name="name" defaultValue={state.values?.name ?? suggestedName} error={state.fieldErrors?.name} hint="Letters, digits, '.', '-' and '_'; up to 100 characters." />
      <Field label="Project description" name="description" multiline defaultValue={state.values?.description} error={state.fieldErrors?.description} />
      <SubmitButton>Create project</SubmitButton>
    </form>
  );
}
