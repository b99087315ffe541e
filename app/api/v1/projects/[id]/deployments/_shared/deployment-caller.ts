import { requireApiCaller } from "@/lib/auth";
import { loadDeployment } from "@/lib/deployments";
import { publicOrigin } from "@/lib/http";
import { loadProject } from "@/lib/projects";

export type DeploymentContext = { params: Promise<{ id: string; deploymentId: string }> };

/** The caller, the project they have access to, the deployment named in the path, and the origin its URL is shown under. */
export async function deploymentCaller(request: Request, { params }: DeploymentContext) {
  const { user } = await requireApiCaller(request);
  const { id, deploymentId } = await params;
  const access = loadProject({ id, user });
  const deployment = loadDeployment({ access, id: deploymentId });
  return { user, access, deployment, appOrigin: publicOrigin(request.headers, request.url) };
}
