// GET and POST /login/oauth/authorize: GitHub's web application flow, step 1.
// The GET answers a sign-in-and-authorize page; its form posts back here with
// the request's parameters as hidden fields; Authorize sends the browser back
// to the client with a code, Cancel with access_denied.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isHttpRedirectUri, readParams, redirectWith, sendHtml } from "../shared/oauth-http";
import { DECISION, renderErrorPage, renderSignInPage } from "../shared/sign-in-page";
import type { EmulatorState } from "./emulator-state";
import { type GitHubOAuth, type OAuthApp, parseScopes } from "./oauth-apps";

export const AUTHORIZE_PATH = "/login/oauth/authorize";

const DOCS = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors";

/** The parameters GitHub's authorization request takes, carried through the form ("login" pre-fills the form's own field instead). */
const REQUEST_PARAMS = ["client_id", "redirect_uri", "scope", "state", "allow_signup", "prompt", "code_challenge", "code_challenge_method"] as const;

/**
 * Whether GitHub accepts `uri` for the app: an OAuth App's callback URL covers
 * the same host and port and any path below its own; a GitHub App's must be one
 * of its callback URLs exactly. An app seeded without any accepts every http(s) URL.
 */
function isAllowedRedirect(app: OAuthApp, uri: string): boolean {
  if (!isHttpRedirectUri(uri)) return false;
  if (app.redirectUris.length === 0) return true;
  if (app.kind === "github-app") return app.redirectUris.includes(uri);
  const wanted = new URL(uri);
  return app.redirectUris.some((registered) => {
    const callback = new URL(registered);
    const base = callback.pathname.endsWith("/") ? callback.pathname : `${callback.pathname}/`;
    return callback.origin === wanted.origin && (wanted.pathname === callback.pathname || wanted.pathname.startsWith(base));
  });
}

type Checked =
  | { kind: "page"; status: number; title: string; message: string }
  | { kind: "redirect"; redirectUri: string; params: Record<string, string | undefined> }
  | { kind: "ok"; app: OAuthApp; redirectUri: string; givenRedirectUri: string | null; scopes: string[]; challenge: { value: string; method: "S256" } | null };

/** Validates an authorization request the way GitHub does before showing (or acting on) the page. */
function checkRequest(oauth: GitHubOAuth, params: Record<string, string>): Checked {
  const app = oauth.findApp(params.client_id);
  if (!app) return { kind: "page", status: 404, title: "Page not found", message: "The application you are trying to authorize does not exist (unknown client_id)." };
  const given = params.redirect_uri || null;
  if (given && !isAllowedRedirect(app, given)) {
    // GitHub sends the browser to the registered callback with the error; without one there is nowhere to go.
    if (app.redirectUris[0]) {
      return {
        kind: "redirect",
        redirectUri: app.redirectUris[0],
        params: { error: "redirect_uri_mismatch", error_description: "The redirect_uri MUST match the registered callback URL for this application.", error_uri: `${DOCS}/#redirect-uri-mismatch`, state: params.state },
      };
    }
    return { kind: "page", status: 400, title: "Invalid redirect_uri", message: "The redirect_uri must be an absolute http or https URL." };
  }
  const redirectUri = given ?? app.redirectUris[0];
  if (!redirectUri) return { kind: "page", status: 400, title: "Missing redirect_uri", message: "The application has no callback URL: send a redirect_uri." };
  let challenge: { value: string; method: "S256" } | null = null;
  if (params.code_challenge) {
    // GitHub supports the S256 method only.
    if (params.code_challenge_method !== "S256") return { kind: "page", status: 400, title: "Invalid code_challenge_method", message: "code_challenge_method must be S256." };
    challenge = { value: params.code_challenge, method: "S256" };
  }
  // A GitHub App's user token is bounded by the app's permissions, not by scopes.
  const scopes = app.kind === "oauth-app" ? parseScopes(params.scope) : [];
  return { kind: "ok", app, redirectUri, givenRedirectUri: given, scopes, challenge };
}

function renderPage(app: OAuthApp, checked: Extract<Checked, { kind: "ok" }>, params: Record<string, string>, alert?: string): string {
  const hidden = Object.fromEntries(REQUEST_PARAMS.map((name) => [name, params[name] ?? ""]));
  const scopes = checked.scopes.length ? `Requested scopes: ${checked.scopes.join(", ")}` : app.kind === "github-app" ? `Repository contents: ${app.contents}` : "Requested scopes: none (public information only)";
  return renderSignInPage({
    title: `Authorize ${app.name}`,
    heading: `${app.name} wants to access your account`,
    details: [scopes, `Authorizing will redirect to ${new URL(checked.redirectUri).origin}`],
    action: AUTHORIZE_PATH,
    hidden,
    loginLabel: "Username or email address",
    passwordLabel: "Password",
    authorizeLabel: `Authorize ${app.name}`,
    denyLabel: "Cancel",
    login: params.login,
    alert,
  });
}

/** Answers GET and POST /login/oauth/authorize. */
export async function handleAuthorize({ req, res, url, oauth, state }: { req: IncomingMessage; res: ServerResponse; url: URL; oauth: GitHubOAuth; state: EmulatorState }): Promise<void> {
  if (req.method !== "GET" && req.method !== "POST") return sendHtml(res, 405, renderErrorPage({ title: "Method not allowed", message: "Use GET or POST." }));
  const params = await readParams(req, url);
  const checked = checkRequest(oauth, params);
  if (checked.kind === "page") return sendHtml(res, checked.status, renderErrorPage({ title: checked.title, message: checked.message }));
  if (checked.kind === "redirect") return redirectWith(res, checked.redirectUri, checked.params);
  if (req.method === "GET") return sendHtml(res, 200, renderPage(checked.app, checked, params));

  if (params[DECISION.field] === DECISION.deny) {
    return redirectWith(res, checked.redirectUri, {
      error: "access_denied",
      error_description: "The user has denied your application access.",
      error_uri: `${DOCS}/#access-denied`,
      state: params.state,
    });
  }
  const account = state.signIn({ login: params.login ?? "", password: params.password ?? "" });
  if (!account) return sendHtml(res, 200, renderPage(checked.app, checked, params, "Incorrect username or password."));
  const code = oauth.codes.issue({ clientId: checked.app.clientId, redirectUri: checked.givenRedirectUri, challenge: checked.challenge, grant: { login: account.login, scopes: checked.scopes } });
  redirectWith(res, checked.redirectUri, { code, state: params.state });
}
