import { requireApiCaller } from "@/lib/auth";
import { listScheduleViews } from "@/lib/deployments";
import { apiRoute, json } from "@/lib/http";
import { loadProject } from "@/lib/projects";

type Context = { params: Promise<{ id: string }> };

/** Every schedule of the project's deployments, in words with their next five run times. */
export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const access = loadProject({ id: (await params).id, user });
  return json({ schedules: listScheduleViews({ access }) });
});
