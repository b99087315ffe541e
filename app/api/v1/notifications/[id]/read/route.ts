import { requireApiCaller } from "@/lib/auth";
import { apiRoute, emptyBodySchema, noContent, readJson } from "@/lib/http";
import { markRead } from "@/lib/notifications";

type Context = { params: Promise<{ id: string }> };

/** Marks one of the caller's notifications read; anyone else's answers 404. */
export const POST = apiRoute(async (request, { params }: Context) => {
  const { user } = await requireApiCaller(request);
  const { id } = await params;
  await readJson(request, emptyBodySchema);
  markRead({ user, id });
  return noContent();
});
