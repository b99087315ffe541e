import { getDeployment, type Deployment } from "../db";
import { notFound } from "../errors";
import type { ProjectAccess } from "../projects";

/** A deployment of the project the caller has access to; any other answers like one that does not exist. */
export function loadDeployment({ access, id }: { access: ProjectAccess; id: string }): Deployment {
  const deployment = getDeployment({ id });
  if (!deployment || deployment.projectId !== access.project.id) throw notFound("That deployment");
  return deployment;
}
