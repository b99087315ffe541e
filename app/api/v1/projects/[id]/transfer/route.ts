import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json, publicOrigin, readJson } from "@/lib/http";
import { loadProject, toProjectView, transferProject, transferProjectSchema } from "@/lib/projects";

type Context = { params: Promise<{ id: string }> };

/** Hands the project to a collaborator (owner or admin); answers the project as the caller now sees it. */
export const POST = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const id = (await params).id;
  const input = await readJson(request, transferProjectSchema);
  await transferProject({ access: loadProject({ id, user }), userId: input.userId, actor: user });
  return json(toProjectView({ ...loadProject({ id, user }), origin: publicOrigin(request.headers, request.url) }));
});
