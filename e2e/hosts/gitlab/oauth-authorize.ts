// GET and POST /oauth/authorize: GitLab's authorization code flow, step 1, with
// Doorkeeper's checks in Doorkeeper's order. Errors found before the redirect
// URI is trusted are an HTML page; later ones go back to the client as
// ?error=...&error_description=...&state=...
import type { IncomingMessage, ServerResponse } from "node:http";
import { isHttpRedirectUri, readParams, redirectWith, sendHtml } from "../shared/oauth-http";
import { DECISION, renderErrorPage, renderSignInPage } from "../shared/sign-in-page";
import type { EmulatorUser } from "./model";
import type { GitLabOAuth, OAuthApplication } from "./oauth-applications";
import type { EmulatorState } from "./state";

export const AUTHORIZE_PATH = "/oauth/authorize";

/** The scope Doorkeeper grants when a request names none (GitLab's default_scopes), if the application has it. */
const DEFAULT_SCOPES = ["api"];

const REQUEST_PARAMS = ["client_id", "redirect_uri", "response_type", "state", "scope", "code_challenge", "code_challenge_method", "nonce"] as const;

/** Doorkeeper's words for the errors of an authorization request. */
const MESSAGES = {
  invalid_client: "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
  invalid_redirect_uri: "The requested redirect uri is malformed or doesn't match client redirect URI.",
  unsupported_response_type: "The authorization server does not support this response type.",
  invalid_scope: "The requested scope is invalid, unknown, or malformed.",
  invalid_code_challenge_method: "The code challenge method must be plain or S256.",
  access_denied: "The resource owner or authorization server denied the request.",
} as const;

type Checked =
  | { kind: "page"; status: number; error: keyof typeof MESSAGES }
  | { kind: "redirect"; redirectUri: string; error: keyof typeof MESSAGES }
  | { kind: "ok"; app: OAuthApplication; redirectUri: string; scopes: string[]; challenge: { value: string; method: "S256" | "plain" } | null };

function checkRequest(oauth: GitLabOAuth, params: Record<string, string>): Checked {
  const app = oauth.findApplication(params.client_id);
  if (!app) return { kind: "page", status: 401, error: "invalid_client" };
  const redirectUri = params.redirect_uri ?? "";
  const registered = app.redirectUris.length ? app.redirectUris.includes(redirectUri) : isHttpRedirectUri(redirectUri);
  if (!redirectUri || !registered) return { kind: "page", status: 400, error: "invalid_redirect_uri" };
  if (params.response_type !== "code") return { kind: "redirect", redirectUri, error: "unsupported_response_type" };
  const requested = params.scope ? params.scope.split(/\s+/).filter(Boolean) : DEFAULT_SCOPES.filter((s) => app.scopes.includes(s));
  if (requested.length === 0 || requested.some((s) => !app.scopes.includes(s))) return { kind: "redirect", redirectUri, error: "invalid_scope" };
  let challenge: { value: string; method: "S256" | "plain" } | null = null;
  if (params.code_challenge) {
    const method = params.code_challenge_method || "plain";
    if (method !== "S256" && method !== "plain") return { kind: "redirect", redirectUri, error: "invalid_code_challenge_method" };
    challenge = { value: params.code_challenge, method };
  }
  return { kind: "ok", app, redirectUri, scopes: [...new Set(requested)], challenge };
}

function signIn(state: EmulatorState, login: string, password: string): EmulatorUser | null {
  const wanted = login.trim().toLowerCase();
  const user = [...state.users.values()].find((u) => u.username.toLowerCase() === wanted || `${u.username}@example.test`.toLowerCase() === wanted);
  return user && user.password === password ? user : null;
}

function renderPage(checked: Extract<Checked, { kind: "ok" }>, params: Record<string, string>, alert?: string): string {
  return renderSignInPage({
    title: `Authorize ${checked.app.name} · GitLab`,
    heading: `Authorize ${checked.app.name} to use your account?`,
    details: [`This application will be able to: ${checked.scopes.join(", ")}`, `You will be redirected to ${new URL(checked.redirectUri).origin}`],
    action: AUTHORIZE_PATH,
    hidden: Object.fromEntries(REQUEST_PARAMS.map((name) => [name, params[name] ?? ""])),
    loginLabel: "Username or primary email",
    passwordLabel: "Password",
    authorizeLabel: "Authorize",
    denyLabel: "Deny",
    login: params.login,
    alert,
  });
}

/** Answers GET and POST /oauth/authorize. */
export async function handleAuthorize({ req, res, url, oauth, state }: { req: IncomingMessage; res: ServerResponse; url: URL; oauth: GitLabOAuth; state: EmulatorState }): Promise<void> {
  if (req.method !== "GET" && req.method !== "POST") return sendHtml(res, 405, renderErrorPage({ title: "Method not allowed", message: "Use GET or POST." }));
  const params = await readParams(req, url);
  const checked = checkRequest(oauth, params);
  if (checked.kind === "page") return sendHtml(res, checked.status, renderErrorPage({ title: "An error has occurred", message: MESSAGES[checked.error] }));
  if (checked.kind === "redirect") return redirectWith(res, checked.redirectUri, { error: checked.error, error_description: MESSAGES[checked.error], state: params.state });
  if (req.method === "GET") return sendHtml(res, 200, renderPage(checked, params));

  if (params[DECISION.field] === DECISION.deny) return redirectWith(res, checked.redirectUri, { error: "access_denied", error_description: MESSAGES.access_denied, state: params.state });
  const user = signIn(state, params.login ?? "", params.password ?? "");
  if (!user) return sendHtml(res, 200, renderPage(checked, params, "Invalid login or password."));
  const code = oauth.codes.issue({ clientId: checked.app.uid, redirectUri: checked.redirectUri, challenge: checked.challenge, grant: { userId: user.id, scopes: checked.scopes } });
  redirectWith(res, checked.redirectUri, { code, state: params.state });
}
