import { requireAdmin, requireApiCaller } from "@/lib/auth";
import { apiRoute, json, readJson } from "@/lib/http";
import { listOAuthApps, oauthAppsBodySchema, replaceOAuthApps } from "@/lib/oauth-apps";

/** The registered OAuth applications, secrets omitted (admin). */
export const GET = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  return json({ apps: listOAuthApps() });
});

/** Replaces the registered set; an app given without clientSecret keeps its stored one (admin). */
export const PUT = apiRoute(async (request) => {
  const caller = await requireApiCaller(request);
  requireAdmin(caller);
  const { apps } = await readJson(request, oauthAppsBodySchema);
  return json({ apps: replaceOAuthApps({ apps, actor: caller.user }) });
});
