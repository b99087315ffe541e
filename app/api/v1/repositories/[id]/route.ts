import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json, noContent, readJson } from "@/lib/http";
import { deleteRepository, loadRepository, repositoryPatchSchema, toRepositoryView, updateRepository } from "@/lib/repositories";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  return json(toRepositoryView(loadRepository({ id: (await params).id, user })));
});

export const PATCH = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const repository = loadRepository({ id: (await params).id, user });
  const patch = await readJson(request, repositoryPatchSchema, { maxBytes: 64 * 1024 });
  return json(toRepositoryView(await updateRepository({ repository, patch, user })));
});

export const DELETE = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  deleteRepository({ repository: loadRepository({ id: (await params).id, user }), user });
  return noContent();
});
