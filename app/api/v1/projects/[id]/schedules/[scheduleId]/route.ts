import { requireApiCaller } from "@/lib/auth";
import { changeSchedule, deleteSchedule, loadSchedule, toScheduleView, updateScheduleSchema } from "@/lib/deployments";
import { apiRoute, json, noContent, readJson } from "@/lib/http";
import { loadProject } from "@/lib/projects";

type Context = { params: Promise<{ id: string; scheduleId: string }> };

async function scheduleCaller(request: Request, { params }: Context) {
  const { user } = await requireApiCaller(request);
  const { id, scheduleId } = await params;
  const access = loadProject({ id, user });
  return { user, access, schedule: loadSchedule({ access, id: scheduleId }) };
}

export const GET = apiRoute(async (request, context: Context) => json(toScheduleView((await scheduleCaller(request, context)).schedule)));

/** Changes the expression or zone, or enables or disables it. */
export const PATCH = apiRoute(async (request, context: Context) => {
  const { user, access, schedule } = await scheduleCaller(request, context);
  const input = await readJson(request, updateScheduleSchema);
  return json(toScheduleView(changeSchedule({ access, schedule, input, actor: user })));
});

export const DELETE = apiRoute(async (request, context: Context) => {
  const { user, access, schedule } = await scheduleCaller(request, context);
  deleteSchedule({ access, schedule, actor: user });
  return noContent();
});
