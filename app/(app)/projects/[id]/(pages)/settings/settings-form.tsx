"use client";

import { useActionState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SelectField } from "@/app/components/select-field";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { DEFAULT_EDITORS, defaultEditorLabels, type DefaultEditor } from "@/lib/projects/default-editors";
import { updateProjectAction } from "../../_project/actions";

type Props = { projectId: string; name: string; description: string; defaultBranch: string; branches: string[]; defaultEditor: DefaultEditor };

const editorOptions = DEFAULT_EDITORS.map((value) => ({ value, label: defaultEditorLabels[value] }));

export function SettingsForm({ projectId, name, description, defaultBranch, branches, defaultEditor }: Props) {
  const [state, action] = useActionState<ActionState, FormData>(updateProjectAction.bind(null, projectId), { status: "idle" });
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <Field label="Name" name="name" defaultValue={name} required error={state.fieldErrors?.name} hint="Renaming changes the clone URL." />
      <Field label="Project description" name="description" defaultValue={description} multiline error={state.fieldErrors?.description} />
      <SelectField label="Default branch" name="defaultBranch" defaultValue={defaultBranch} options={branches.map((value) => ({ value }))} error={state.fieldErrors?.defaultBranch} />
      <SelectField
        label="Default editor"
        name="defaultEditor"
        defaultValue={defaultEditor}
        options={editorOptions}
        error={state.fieldErrors?.defaultEditor}
        hint="How .ipynb files open in a session. Open as text switches one file."
      />
      <SubmitButton>Save settings</SubmitButton>
    </form>
  );
}
