import { requireApiCaller } from "@/lib/auth";
import { apiRoute, invalidInput, json, publicOrigin, readJson, readQuery } from "@/lib/http";
import { createProject, listProjects, toProjectView } from "@/lib/projects";
import { createProjectBodySchema, listProjectsQuerySchema } from "./schema";

export const POST = apiRoute(async (request) => {
  const { user } = await requireApiCaller(request);
  const input = await readJson(request, createProjectBodySchema);
  // Registered remote repositories do not exist yet on this server, so no id can name one.
  if (input.repositoryId !== undefined) throw invalidInput({ repositoryId: "No registered repository has this id." });
  const project = await createProject({ input, owner: user });
  return json(toProjectView({ project, owner: user, role: "owner", origin: publicOrigin(request.headers, request.url) }), 201);
});

export const GET = apiRoute(async (request) => {
  const { user } = await requireApiCaller(request);
  const query = readQuery(request, listProjectsQuerySchema);
  const origin = publicOrigin(request.headers, request.url);
  const { projects, nextPage } = listProjects({ user, ...query });
  return json({ projects: projects.map((p) => toProjectView({ ...p, origin })), nextPage });
});
