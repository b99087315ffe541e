import { requireApiCaller } from "@/lib/auth";
import { apiRoute, emptyBodySchema, noContent, readJson } from "@/lib/http";
import { markAllRead } from "@/lib/notifications";

/** Marks all of the caller's notifications read. */
export const POST = apiRoute(async (request) => {
  const { user } = await requireApiCaller(request);
  await readJson(request, emptyBodySchema);
  markAllRead({ user });
  return noContent();
});
