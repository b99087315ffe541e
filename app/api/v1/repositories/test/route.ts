import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json, readJson } from "@/lib/http";
import { repositoryInputSchema, testConnection } from "@/lib/repositories";

/** Checks a repository or bucket with the given fields, without saving anything. */
export const POST = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  const input = await readJson(request, repositoryInputSchema, { maxBytes: 64 * 1024 });
  return json(await testConnection(input, { owner: caller.user }));
});
