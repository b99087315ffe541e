"use client";

import { useActionState, useState } from "react";
import { Field } from "@/app/components/field";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { deleteDeploymentAction } from "../../../_deployments/deployment-actions";

/** Deletes the deployment once its name is typed, as a project's deletion asks for the project's. */
export function DeleteDeploymentForm({ projectId, deploymentId, name }: { projectId: string; deploymentId: string; name: string }) {
  const [state, action] = useActionState<ActionState, FormData>(deleteDeploymentAction.bind(null, projectId, deploymentId), { status: "idle" });
  const [typed, setTyped] = useState("");
  return (
    <form
      action={action}
      aria-label="Delete deployment"
      className="space-y-3"
      onChange={(e) => {
        const input = e.target as unknown as HTMLInputElement;
        if (input.name === "confirmName") setTyped(input.value);
      }}
      // React empties the form after a refused submission: the button waits for the name again.
      onReset={() => setTyped("")}
    >
      <p className="text-sm text-slate-700">
        This deletes the deployment with its history of deploys, its schedules and its runs; it cannot be undone. Its address stops answering at once. The project and its repository are
        not touched.
      </p>
      <FormMessage state={state} />
      <Field label={`Type ${name} to confirm`} name="confirmName" autoComplete="off" error={state.fieldErrors?.confirmName} />
      <SubmitButton variant="danger" disabled={typed !== name}>
        Delete deployment
      </SubmitButton>
    </form>
  );
}
