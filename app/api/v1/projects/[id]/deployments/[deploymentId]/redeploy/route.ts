import { redeploy, toRunView } from "@/lib/deployments";
import { apiRoute, json } from "@/lib/http";
import { deploymentCaller, type DeploymentContext } from "../../_shared/deployment-caller";

/** Deploys the ref again (a tracked branch's latest commit) as a run; the previous deploy serves until it succeeds. */
export const POST = apiRoute(async (request, context: DeploymentContext) => {
  const { user, access, deployment } = await deploymentCaller(request, context);
  return json(toRunView(redeploy({ access, deployment, actor: user })), 202);
});
