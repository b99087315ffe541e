import { changeDeployment, deleteDeployment, toDeploymentView, updateDeploymentSchema } from "@/lib/deployments";
import { apiRoute, json, noContent, readJson } from "@/lib/http";
import { deploymentCaller, type DeploymentContext } from "../_shared/deployment-caller";

export const GET = apiRoute(async (request, context: DeploymentContext) => {
  const { deployment, appOrigin } = await deploymentCaller(request, context);
  return json(toDeploymentView(deployment, { appOrigin }));
});

/** Renames it, changes who may see it, or points it at another ref (which queues a deploy). */
export const PATCH = apiRoute(async (request, context: DeploymentContext) => {
  const { user, access, deployment, appOrigin } = await deploymentCaller(request, context);
  const input = await readJson(request, updateDeploymentSchema);
  const changed = await changeDeployment({ access, deployment, actor: user, input });
  return json(toDeploymentView(changed.deployment, { appOrigin }));
});

export const DELETE = apiRoute(async (request, context: DeploymentContext) => {
  const { user, access, deployment } = await deploymentCaller(request, context);
  await deleteDeployment({ access, deployment, actor: user });
  return noContent();
});
