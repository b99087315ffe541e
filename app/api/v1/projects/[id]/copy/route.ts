import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json, publicOrigin, readJson } from "@/lib/http";
import { loadProject, toProjectView } from "@/lib/projects";
import { copyProject } from "@/lib/repositories";
import { copyProjectBodySchema } from "./schema";

type Context = { params: Promise<{ id: string }> };

/** A new project of the caller's holding a copy of this one (any role may copy what it reads), with its whole history. */
export const POST = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const { id } = await params;
  const body = await readJson(request, copyProjectBodySchema);
  const access = loadProject({ id, user });
  const project = await copyProject({ access, input: { name: body.name, description: body.description ?? access.project.description }, actor: user });
  return json(toProjectView({ project, owner: user, role: "owner", origin: publicOrigin(request.headers, request.url) }), 201);
});
