import { stopDeployment, toDeploymentView } from "@/lib/deployments";
import { apiRoute, json } from "@/lib/http";
import { deploymentCaller, type DeploymentContext } from "../../_shared/deployment-caller";

/** No longer served; its configuration, history and schedules are kept. */
export const POST = apiRoute(async (request, context: DeploymentContext) => {
  const { user, access, deployment, appOrigin } = await deploymentCaller(request, context);
  return json(toDeploymentView(stopDeployment({ access, deployment, actor: user }), { appOrigin }));
});
