import { requireAdmin, requireApiCaller } from "@/lib/auth";
import { apiRoute, json, readJson } from "@/lib/http";
import { externalBackendInputSchema, testBackendSettings } from "@/lib/vcs";

/** Runs every check on the given settings without saving them (admin). */
export const POST = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  const input = await readJson(request, externalBackendInputSchema);
  return json(await testBackendSettings({ input }));
});
