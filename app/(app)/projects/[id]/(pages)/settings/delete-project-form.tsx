"use client";

import { useActionState, useState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { deleteProjectAction } from "../../_project/actions";

/** `hostRepository`: the git host of an external project's repository, which is deleted or archived there too. */
export function DeleteProjectForm({ projectId, name, hostRepository }: { projectId: string; name: string; hostRepository: string | null }) {
  const [state, action] = useActionState<ActionState, FormData>(deleteProjectAction.bind(null, projectId), { status: "idle" });
  const [typed, setTyped] = useState("");
  return (
    <form
      action={action}
      className="space-y-3"
      onChange={(e) => {
        const input = e.target as unknown as HTMLInputElement;
        if (input.name === "confirmName") setTyped(input.value);
      }}
      // React empties the form after a refused submission: the button waits for the name again.
      onReset={() => setTyped("")}
    >
      <p className="text-sm text-slate-700">
        This deletes the repository and everything Benchtop keeps about the project; it cannot be undone. Everyone loses access at once, and its clone URL stops working.
        {hostRepository && <> The repository at {hostRepository} is deleted or archived there, as the administrator chose.</>}
      </p>
      <FormMessage state={state} />
      <Field label={`Type ${name} to confirm`} name="confirmName" autoComplete="off" error={state.fieldErrors?.confirmName} />
      <SubmitButton variant="danger" disabled={typed !== name}>
        Delete project
      </SubmitButton>
    </form>
  );
}
