import { requireAdmin, requireApiCaller } from "@/lib/auth";
import { apiRoute, json, readJson } from "@/lib/http";
import { getLfsSettings, lfsSettingsInputSchema, updateLfsSettings } from "@/lib/lfs";

/** The largest Git LFS object Benchtop's git server takes, and the default (admin). */
export const GET = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  return json(getLfsSettings());
});

/** Sets the largest Git LFS object, in bytes (admin; audited as admin.lfs_updated). */
export const PUT = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  const input = await readJson(request, lfsSettingsInputSchema);
  return json(updateLfsSettings({ input, actor: caller.user }));
});
