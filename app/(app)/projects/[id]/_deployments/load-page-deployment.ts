import { notFound } from "next/navigation";
import { loadDeployment } from "@/lib/deployments";
import type { Deployment } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { ProjectAccess } from "@/lib/projects";

/** For the deployment's page: the deployment of this project named in the path, or the 404 page. */
export function loadPageDeployment({ access, id }: { access: ProjectAccess; id: string }): Deployment {
  try {
    return loadDeployment({ access, id });
  } catch (error) {
    if (isAppError(error) && error.apiCode === "not_found") notFound();
    throw error;
  }
}
