import { listDeployViews } from "@/lib/deployments";
import { apiRoute, json } from "@/lib/http";
import { deploymentCaller, type DeploymentContext } from "../../_shared/deployment-caller";

/** The deployment's deploys, newest first: which commit, who, when, and which one is served. */
export const GET = apiRoute(async (request, context: DeploymentContext) => {
  const { deployment } = await deploymentCaller(request, context);
  return json({ deploys: listDeployViews(deployment) });
});
