import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json, publicOrigin, readJson, readQuery } from "@/lib/http";
import { createProject, listProjects, toProjectView } from "@/lib/projects";
import { copyRepositoryToProject, linkRepositoryToProject, loadRepository } from "@/lib/repositories";
import { createProjectBodySchema, listProjectsQuerySchema } from "./schema";

export const POST = apiRoute(async (request) => {
  const { user } = await requireApiCaller(request);
  const input = await readJson(request, createProjectBodySchema);
  let project;
  if (input.repositoryId !== undefined) {
    const repository = loadRepository({ id: input.repositoryId, user });
    project = input.link ? await linkRepositoryToProject({ repository, input, user }) : await copyRepositoryToProject({ repository, input, user });
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
