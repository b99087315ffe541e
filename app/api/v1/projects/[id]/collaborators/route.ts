import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json, readJson } from "@/lib/http";
import { addCollaborator, addCollaboratorSchema, listCollaborators, loadProject } from "@/lib/projects";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const access = loadProject({ id: (await params).id, user });
  return json({ collaborators: listCollaborators({ access }) });
});

export const POST = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const access = loadProject({ id: (await params).id, user });
  const input = await readJson(request, addCollaboratorSchema);
  const added = await addCollaborator({ access, ...input, actor: user });
  return json({ userId: added.userId, email: added.email, role: added.role, hostAccess: added.hostAccess }, 201);
});
