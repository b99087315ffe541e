"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { DeploymentFields, type DeploymentFieldsProps } from "../../../_deployments/deployment-fields";
import { updateDeploymentAction } from "../../../_deployments/deployment-actions";

type Props = Omit<DeploymentFieldsProps, "idPrefix" | "errors"> & { projectId: string; deploymentId: string };

/** Renames the deployment, changes who can open it, or points it at another ref (which deploys that at once). */
export function EditDeploymentForm({ projectId, deploymentId, values, ...fields }: Props) {
  const [state, action] = useActionState<ActionState, FormData>(updateDeploymentAction.bind(null, projectId, deploymentId), { status: "idle" });
  const submitted = state.values;
  const shown = submitted
    ? { name: submitted.name ?? values.name, ref: submitted.ref ?? values.ref, track: submitted.track === "on", visibility: (submitted.visibility || values.visibility) as typeof values.visibility }
    : values;
  return (
    <form action={action} aria-label="Edit deployment" className="space-y-4">
      <FormMessage state={state} />
      <DeploymentFields idPrefix="deployment" values={shown} errors={state.fieldErrors} {...fields} />
      <SubmitButton>Save changes</SubmitButton>
    </form>
  );
}
