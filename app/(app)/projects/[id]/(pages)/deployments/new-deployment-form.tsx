"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { DeploymentFields, type VisibilityChoice } from "../../_deployments/deployment-fields";
import { createDeploymentAction } from "../../_deployments/deployment-actions";

type Props = { projectId: string; defaultBranch: string; branches: string[]; visibilities: VisibilityChoice[]; publicAllowed: boolean };

/** Names a deployment and what it deploys; on success the deployment's page opens, showing its first run. */
export function NewDeploymentForm({ projectId, defaultBranch, branches, visibilities, publicAllowed }: Props) {
  const [state, action] = useActionState<ActionState, FormData>(createDeploymentAction.bind(null, projectId), { status: "idle" });
  const submitted = state.values;
  const values = {
    name: submitted?.name ?? "",
    ref: submitted?.ref ?? defaultBranch,
    track: submitted ? submitted.track === "on" : true,
    visibility: (submitted?.visibility as VisibilityChoice["value"] | undefined) ?? "private",
  };
  return (
    <form action={action} aria-label="New deployment" className="space-y-4">
      <FormMessage state={state} />
      <DeploymentFields idPrefix="new-deployment" values={values} branches={branches} visibilities={visibilities} publicAllowed={publicAllowed} errors={state.fieldErrors} />
      <SubmitButton>Deploy</SubmitButton>
    </form>
  );
}
