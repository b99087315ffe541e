import { startDeployment, toDeploymentView } from "@/lib/deployments";
import { apiRoute, json } from "@/lib/http";
import { deploymentCaller, type DeploymentContext } from "../../_shared/deployment-caller";

/** Served again (a deployment that never deployed queues its first run). */
export const POST = apiRoute(async (request, context: DeploymentContext) => {
  const { user, access, deployment, appOrigin } = await deploymentCaller(request, context);
  return json(toDeploymentView(startDeployment({ access, deployment, actor: user }).deployment, { appOrigin }));
});
