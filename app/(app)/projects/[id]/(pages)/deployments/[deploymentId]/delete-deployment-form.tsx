"use client";

import { TypeNameToDeleteForm } from "@/app/components/type-name-to-delete-form";
import { deleteDeploymentAction } from "../../../_deployments/deployment-actions";

/** Deletes the deployment once its name is typed, as a project's deletion asks for the project's. */
export function DeleteDeploymentForm({ projectId, deploymentId, name }: { projectId: string; deploymentId: string; name: string }) {
  return (
    <TypeNameToDeleteForm action={deleteDeploymentAction.bind(null, projectId, deploymentId)} name={name} submitLabel="Delete deployment" formLabel="Delete deployment">
      This deletes the deployment with its history of deploys, its schedules and its runs; it cannot be undone. Its address stops answering at once. The project and its repository are not
      touched.
    </TypeNameToDeleteForm>
  );
}
