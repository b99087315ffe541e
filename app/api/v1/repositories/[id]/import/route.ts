import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json, readJson } from "@/lib/http";
import { loadProject } from "@/lib/projects";
import { importBodySchema, importIntoProject, loadRepository } from "@/lib/repositories";

type Context = { params: Promise<{ id: string }> };

/** Commits chosen files of the repository (or bucket) into one of the caller's projects. */
export const POST = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const repository = loadRepository({ id: (await params).id, user });
  const body = await readJson(request, importBodySchema);
  const access = loadProject({ id: body.projectId, user });
  const { commit } = await importIntoProject({ repository, access, paths: body.paths, ref: body.ref, message: body.message, user });
  return json({ commit }, 201);
});
