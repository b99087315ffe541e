import { getSessionUser } from "@/lib/auth";
import { completeAuthorization, OAuthFlowError } from "@/lib/connections";
import { publicOrigin } from "@/lib/http";
import { grantHostAccessOnConnect } from "@/lib/projects";
import { isOAuthAppProvider } from "@/lib/oauth-apps/providers";

type Context = { params: Promise<{ provider: string }> };

const redirectTo = (origin: string, path: string, params: Record<string, string>) => {
  const url = new URL(path, origin);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return new Response(null, { status: 303, headers: { location: url.href, "cache-control": "no-store" } });
};

/**
 * Where GitHub and GitLab send the browser back after consent (the callback
 * URL admins register). Only the user who started the authorization can
 * complete it; the outcome goes back to the page it started from as a
 * connection id or a failure code, never as provider text.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { provider } = await params;
  const origin = publicOrigin(request.headers, request.url);
  if (!isOAuthAppProvider(provider)) {
    return new Response("Unknown provider.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const callback = new URL(request.url);
  const user = await getSessionUser();
  if (!user) {
    // Signed out meanwhile: sign in, then come back here (the state is good for ten minutes).
    return redirectTo(origin, "/login", { callbackUrl: callback.pathname + callback.search });
  }
  try {
    const { connection, returnTo } = await completeAuthorization({ user, provider, callback, origin });
    // Projects on that host waiting for this account give it access now (failures are logged, never the flow's).
    await grantHostAccessOnConnect({ user, connection });
    return redirectTo(origin, returnTo, { connected: connection.id });
  } catch (error) {
    if (error instanceof OAuthFlowError) return redirectTo(origin, "/settings/connections", { oauthError: error.code, host: error.host });
    console.error("OAuth callback:", error instanceof Error ? error.message : error);
    return redirectTo(origin, "/settings/connections", { oauthError: "failed", host: provider });
  }
}
