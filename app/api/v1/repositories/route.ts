import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json, readJson } from "@/lib/http";
import { createRepository, listRepositories, repositoryInputSchema, toRepositoryView } from "@/lib/repositories";

export const POST = apiRoute(async (request) => {
  const { user } = await requireApiCaller(request);
  const input = await readJson(request, repositoryInputSchema, { maxBytes: 64 * 1024 });
  return json(toRepositoryView(await createRepository({ input, user })), 201);
});

export const GET = apiRoute(async (request) => {
  const { user } = await requireApiCaller(request);
  return json({ repositories: listRepositories({ user }).map((r) => toRepositoryView(r)) });
});
