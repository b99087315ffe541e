import { requireApiCaller } from "@/lib/auth";
import { apiRoute, invalidInput, json, publicOrigin, readJson, readQuery } from "@/lib/http";
import { createProject, listProjects, toProjectView } from "@/lib/projects";
import { copyRepositoryToProject, loadRepository } from "@/lib/repositories";
import { createProjectBodySchema, listProjectsQuerySchema } from "./schema";

export const POST = apiRoute(async (request) => {
  const { user } = await requireApiCaller(request);
  const input = await readJson(request, createProjectBodySchema);
  let project;
  if (input.repositoryId !== undefined) {
    // Linking a project to the remote (backend "remote") arrives with sessions on remote repositories.
    if (input.link) throw invalidInput({ link: "Linked projects are not available on this server yet; leave out link to copy the repository." });
    const repository = loadRepository({ id: input.repositoryId, user });
    project = await copyRepositoryToProject({ repository, input, user });
  } else {
    project = await createProject({ input, owner: user });
  }
  return json(toProjectView({ project, owner: user, role: "owner", origin: publicOrigin(request.headers, request.url) }), 201);
});

export const GET = apiRoute(async (request) => {
  const { user } = await requireApiCaller(request);
  const query = readQuery(request, listProjectsQuerySchema);
  const origin = publicOrigin(request.headers, request.url);
  const { projects, nextPage } = listProjects({ user, ...query });
  return json({ projects: projects.map((p) => toProjectView({ ...p, origin })), nextPage });
});
