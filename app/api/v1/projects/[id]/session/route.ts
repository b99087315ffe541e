import { requireApiCaller } from "@/lib/auth";
import { apiRoute, emptyBodySchema, noContent, readJson } from "@/lib/http";
import { recordProjectSessionOpened } from "@/lib/projects";

type Context = { params: Promise<{ id: string }> };

/** The project's session has opened in the caller's browser: recorded as `session.opened`. */
export const POST = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const { id } = await params;
  await readJson(request, emptyBodySchema);
  recordProjectSessionOpened({ id, user });
  return noContent();
});
