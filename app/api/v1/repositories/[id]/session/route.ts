import { requireApiCaller } from "@/lib/auth";
import { apiRoute, emptyBodySchema, noContent, readJson } from "@/lib/http";
import { recordRepositorySessionOpened } from "@/lib/repositories";

type Context = { params: Promise<{ id: string }> };

/** A session on one of the caller's registered git repositories has opened in their browser: recorded as `session.opened`. */
export const POST = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const { id } = await params;
  await readJson(request, emptyBodySchema);
  recordRepositorySessionOpened({ id, user });
  return noContent();
});
