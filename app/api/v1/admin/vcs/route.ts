import { requireAdmin, requireApiCaller } from "@/lib/auth";
import { apiRoute, json, readJson } from "@/lib/http";
import { applyBackend, backendInputSchema, getActiveBackend, toBackendView } from "@/lib/vcs";

/** Where project repositories live now, token omitted, with where that comes from (admin). */
export const GET = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  return json(toBackendView(getActiveBackend()));
});

/** Checks and applies new settings; 409 while the settings file decides (admin). */
export const PUT = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  const input = await readJson(request, backendInputSchema);
  return json(await applyBackend({ input, actor: caller.user }));
});
