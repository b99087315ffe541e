import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json, noContent, publicOrigin, readJson } from "@/lib/http";
import { removeUnreferencedObjects } from "@/lib/lfs-objects";
import { deleteProject, loadProject, toProjectView, updateProject, updateProjectSchema } from "@/lib/projects";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const access = loadProject({ id: (await params).id, user });
  return json(toProjectView({ ...access, origin: publicOrigin(request.headers, request.url) }));
});

export const PATCH = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const access = loadProject({ id: (await params).id, user });
  const input = await readJson(request, updateProjectSchema);
  const project = await updateProject({ access, input, actor: user });
  return json(toProjectView({ ...access, project, origin: publicOrigin(request.headers, request.url) }));
});

export const DELETE = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const access = loadProject({ id: (await params).id, user });
  const { hostRepository } = await deleteProject({ access, actor: user });
  // Its Git LFS objects go too, but for those a copy still refers to.
  removeUnreferencedObjects();
  // The repository stayed at the host: say so (an administrator removes it later).
  if (hostRepository?.status === "kept") return json({ deleted: true, hostRepository });
  return noContent();
});
