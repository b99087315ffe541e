import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json, publicOrigin, readJson } from "@/lib/http";
import { loadProject, reportFailureSchema, reportSessionFailure, toProjectView } from "@/lib/projects";

type Context = { params: Promise<{ id: string }> };

/**
 * A session reports an operation that failed in the browser (open, save, push):
 * the project turns red, the audit trail and the people concerned are told.
 * Answers the project as the caller now sees it.
 */
export const POST = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const id = (await params).id;
  const input = await readJson(request, reportFailureSchema, { maxBytes: 16 * 1024 });
  reportSessionFailure({ access: loadProject({ id, user }), actor: user, ...input });
  return json(toProjectView({ ...loadProject({ id, user }), origin: publicOrigin(request.headers, request.url) }), 201);
});
