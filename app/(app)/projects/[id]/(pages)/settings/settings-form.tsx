"use client";

import { useActionState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { updateProjectAction } from "../../_project/actions";

type Props = { projectId: string; name: string; description: string; defaultBranch: string; branches: string[] };

export function SettingsForm({ projectId, name, description, defaultBranch, branches }: Props) {
  const [state, action] = useActionState<ActionState, FormData>(updateProjectAction.bind(null, projectId), { status: "idle" });
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <Field label="Name" name="name" defaultValue={name} required error={state.fieldErrors?.name} hint="Renaming changes the clone URL." />
      <Field label="Project description" name="description" defaultValue={description} multiline error={state.fieldErrors?.description} />
      <div>
        <label htmlFor="field-defaultBranch" className="block text-sm font-medium text-slate-700">
          Default branch
        </label>
        <select id="field-defaultBranch" name="defaultBranch" defaultValue={defaultBranch} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm">
          {branches.map((b) => (
            <option key={b}>{b}</option>
          ))}
        </select>
        {state.fieldErrors?.defaultBranch && <p className="mt-1 text-xs text-red-600">{state.fieldErrors.defaultBranch}</p>}
      </div>
      <SubmitButton>Save settings</SubmitButton>
    </form>
  );
}
