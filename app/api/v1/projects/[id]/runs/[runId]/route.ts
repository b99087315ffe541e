import { requireApiCaller } from "@/lib/auth";
import { loadRunView } from "@/lib/deployments";
import { apiRoute, json } from "@/lib/http";
import { loadProject } from "@/lib/projects";

type Context = { params: Promise<{ id: string; runId: string }> };

/** One run with its log (poll it after a redeploy to see it end). */
export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const { id, runId } = await params;
  return json(loadRunView({ access: loadProject({ id, user }), id: runId }));
});
