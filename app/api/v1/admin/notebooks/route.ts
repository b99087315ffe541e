import { requireAdmin, requireApiCaller } from "@/lib/auth";
import { apiRoute, json, readJson } from "@/lib/http";
import { getNotebookSettings, notebookSettingsInputSchema, updateNotebookSettings } from "@/lib/pyodide";

/** The Pyodide package repository notebooks' kernels use, and whether the environment or the setting decides (admin). */
export const GET = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  return json(getNotebookSettings());
});

/** Sets or clears (null) the package repository; 409 while BENCHTOP_PYODIDE_PACKAGES_URL decides (admin). */
export const PUT = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  const input = await readJson(request, notebookSettingsInputSchema);
  return json(updateNotebookSettings({ input, actor: caller.user }));
});
