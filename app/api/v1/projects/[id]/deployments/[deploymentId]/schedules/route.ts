import { createSchedule, createScheduleSchema, listScheduleViews, toScheduleView } from "@/lib/deployments";
import { apiRoute, json, readJson } from "@/lib/http";
import { deploymentCaller, type DeploymentContext } from "../../_shared/deployment-caller";

export const GET = apiRoute(async (request, context: DeploymentContext) => {
  const { access, deployment } = await deploymentCaller(request, context);
  return json({ schedules: listScheduleViews({ access, deploymentId: deployment.id }) });
});

/** Redeploys the deployment on a cron expression in an IANA time zone. */
export const POST = apiRoute(async (request, context: DeploymentContext) => {
  const { user, access, deployment } = await deploymentCaller(request, context);
  const input = await readJson(request, createScheduleSchema);
  return json(toScheduleView(createSchedule({ access, deployment, input, actor: user })), 201);
});
