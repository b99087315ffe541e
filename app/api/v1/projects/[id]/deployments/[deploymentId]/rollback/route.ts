import { rollBack, rollbackSchema, toRunView } from "@/lib/deployments";
import { apiRoute, json, readJson } from "@/lib/http";
import { deploymentCaller, type DeploymentContext } from "../../_shared/deployment-caller";

/** Serves an earlier deploy's commit again (a run that adds a deploy to the history). */
export const POST = apiRoute(async (request, context: DeploymentContext) => {
  const { user, access, deployment } = await deploymentCaller(request, context);
  const { deployId } = await readJson(request, rollbackSchema);
  return json(toRunView(rollBack({ access, deployment, actor: user, deployId })), 202);
});
