// How Benchtop talks OAuth 2.0 to each provider, through oauth4webapi: the
// endpoints, the client authentication, the scopes asked for, and GitHub's
// habit of answering token-endpoint errors with HTTP 200.
import * as oauth from "oauth4webapi";
import { createSafeFetch } from "../../hosts/safe-fetch";
import { isGitHubProvider, type OAuthAppCredentials } from "../../oauth-apps";

export type OAuthClient = {
  app: OAuthAppCredentials;
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  clientAuth: oauth.ClientAuth;
  /** Options for every request to the provider: the safe fetch, and plain http only for hosts on BENCHTOP_INSECURE_HOSTS. */
  options: { [oauth.customFetch]: typeof fetch; [oauth.allowInsecureRequests]: boolean };
  /** The scopes to ask for; null for GitHub Apps, whose permissions are the app's own. */
  scope: string | null;
};

/**
 * GitHub OAuth Apps: `repo` to clone, push and list private repositories,
 * `read:user` to name the account, `read:org` to list the user's
 * organizations (GET /user/orgs), so that the Repository field can name those
 * whose OAuth App access restrictions keep Benchtop out. GitLab: `read_user` for the account,
 * `read_api` to list projects and browse files, `write_repository` to clone and
 * push over HTTP. GitHub Apps take no scopes.
 */
function scopeOf(app: OAuthAppCredentials): string | null {
  if (app.kind === "github-app") return null;
  return isGitHubProvider(app.provider) ? "repo read:user read:org" : "read_user read_api write_repository";
}

/**
 * GitHub answers a refused code or refresh token with 200 and an `error` field;
 * OAuth 2.0 (and oauth4webapi) expect 400. Rewriting the status lets the
 * library report it as the error it is.
 */
function withGitHubErrorStatus(fetchImpl: typeof fetch): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetchImpl(input, init);
    if (response.status !== 200 || !(response.headers.get("content-type") ?? "").includes("json")) return response;
    const body = await response.text();
    let status = 200;
    try {
      if (typeof (JSON.parse(body) as { error?: unknown }).error === "string") status = 400;
    } catch {
      // not JSON after all: let oauth4webapi report the answer as it is
    }
    return new Response(body, { status, headers: response.headers });
  }) as typeof fetch;
}

export function oauthClientOf(app: OAuthAppCredentials): OAuthClient {
  const origin = app.origin.replace(/\/+$/, "");
  const github = isGitHubProvider(app.provider);
  const as: oauth.AuthorizationServer = github
    ? { issuer: origin, authorization_endpoint: `${origin}/login/oauth/authorize`, token_endpoint: `${origin}/login/oauth/access_token` }
    : { issuer: origin, authorization_endpoint: `${origin}/oauth/authorize`, token_endpoint: `${origin}/oauth/token`, revocation_endpoint: `${origin}/oauth/revoke` };
  const safeFetch = createSafeFetch();
  return {
    app,
    as,
    client: { client_id: app.clientId },
    clientAuth: oauth.ClientSecretPost(app.clientSecret),
    options: { [oauth.customFetch]: github ? withGitHubErrorStatus(safeFetch) : safeFetch, [oauth.allowInsecureRequests]: origin.startsWith("http:") },
    scope: scopeOf(app),
  };
}
