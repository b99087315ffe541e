import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json, noContent, readJson } from "@/lib/http";
import { changeCollaboratorRole, changeCollaboratorSchema, loadProject, removeCollaborator } from "@/lib/projects";

type Context = { params: Promise<{ id: string; userId: string }> };

export const PATCH = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const { id, userId } = await params;
  const access = loadProject({ id, user });
  const { role } = await readJson(request, changeCollaboratorSchema);
  const changed = await changeCollaboratorRole({ access, userId, role, actor: user });
  return json({ userId: changed.userId, email: changed.email, role: changed.role, hostAccess: changed.hostAccess });
});

export const DELETE = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const { id, userId } = await params;
  const access = loadProject({ id, user });
  await removeCollaborator({ access, userId, actor: user });
  return noContent();
});
