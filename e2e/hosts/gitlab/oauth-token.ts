// POST /oauth/token (authorization_code with PKCE, refresh_token) and POST
// /oauth/revoke, answered as Doorkeeper answers them: JSON, 400 for a bad grant
// or request, 401 with WWW-Authenticate for a client that fails to authenticate.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readClientCredentials, readParams, sendJsonBody } from "../shared/oauth-http";
import { verifyCodeChallenge } from "../shared/pkce";
import type { GitLabOAuth, TokenAnswer } from "./oauth-applications";

export const TOKEN_PATH = "/oauth/token";
export const REVOKE_PATH = "/oauth/revoke";

const MESSAGES = {
  invalid_client: "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
  invalid_grant: "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
  unsupported_grant_type: "The authorization grant type is not supported by the authorization server.",
} as const;

type Failure = { error: keyof typeof MESSAGES } | { error: "invalid_request"; missing: string };
type Outcome = { ok: true; body: TokenAnswer } | ({ ok: false } & Failure);

function answer(res: ServerResponse, outcome: Outcome): void {
  if (outcome.ok) return sendJsonBody(res, 200, outcome.body);
  const description = outcome.error === "invalid_request" ? `Missing required parameter: ${outcome.missing}.` : MESSAGES[outcome.error];
  if (outcome.error !== "invalid_client") return sendJsonBody(res, 400, { error: outcome.error, error_description: description });
  sendJsonBody(res, 401, { error: outcome.error, error_description: description }, { "www-authenticate": `Bearer realm="Doorkeeper", error="invalid_client", error_description="${description}"` });
}

function exchangeCode(oauth: GitLabOAuth, credentials: { clientId: string; clientSecret: string }, params: Record<string, string>): Outcome {
  const entry = oauth.codes.find(params.code);
  if (entry?.challenge && !params.code_verifier) return { ok: false, error: "invalid_request", missing: "code_verifier" };
  if (!params.redirect_uri) return { ok: false, error: "invalid_request", missing: "redirect_uri" };
  const app = oauth.authenticateClient(credentials.clientId, credentials.clientSecret);
  if (!app) return { ok: false, error: "invalid_client" };
  if (!entry || entry.clientId !== app.uid || entry.redirectUri !== params.redirect_uri) return { ok: false, error: "invalid_grant" };
  if (entry.challenge && !verifyCodeChallenge(entry.challenge, params.code_verifier)) return { ok: false, error: "invalid_grant" };
  oauth.codes.consume(params.code!);
  return { ok: true, body: oauth.issueTokens(app, entry.grant) };
}

function refresh(oauth: GitLabOAuth, credentials: { clientId: string; clientSecret: string }, params: Record<string, string>): Outcome {
  if (!params.refresh_token) return { ok: false, error: "invalid_request", missing: "refresh_token" };
  const record = oauth.findRefreshToken(params.refresh_token);
  if (!record) return { ok: false, error: "invalid_grant" };
  const app = oauth.authenticateClient(credentials.clientId, credentials.clientSecret);
  if (!app) return { ok: false, error: "invalid_client" };
  if (record.applicationUid !== app.uid) return { ok: false, error: "invalid_grant" };
  return { ok: true, body: oauth.refresh(app, record) };
}

/** Answers POST /oauth/token and records it in the OAuth log. */
export async function handleToken({ req, res, url, oauth }: { req: IncomingMessage; res: ServerResponse; url: URL; oauth: GitLabOAuth }): Promise<void> {
  if (req.method !== "POST") return sendJsonBody(res, 404, { error: "404 Not Found" });
  const params = await readParams(req, url);
  const credentials = readClientCredentials(req, params);
  const grantType = params.grant_type ?? "";
  const outcome: Outcome =
    grantType === "authorization_code" ? exchangeCode(oauth, credentials, params) : grantType === "refresh_token" ? refresh(oauth, credentials, params) : { ok: false, error: "unsupported_grant_type" };
  oauth.log.tokenRequest({ grantType, clientId: credentials.clientId, ok: outcome.ok });
  answer(res, outcome);
}

/**
 * Answers POST /oauth/revoke (RFC 7009 as Doorkeeper implements it): 200 {}
 * when the token is revoked or unknown, 403 unauthorized_client when the
 * client does not authenticate or the token is another application's.
 */
export async function handleRevoke({ req, res, url, oauth }: { req: IncomingMessage; res: ServerResponse; url: URL; oauth: GitLabOAuth }): Promise<void> {
  if (req.method !== "POST") return sendJsonBody(res, 404, { error: "404 Not Found" });
  const params = await readParams(req, url);
  const credentials = readClientCredentials(req, params);
  const app = oauth.authenticateClient(credentials.clientId, credentials.clientSecret);
  const outcome = !app ? "foreign" : params.token ? oauth.revoke(app, params.token) : "unknown";
  oauth.log.revocation({ endpoint: "POST /oauth/revoke", clientId: credentials.clientId, ok: outcome === "revoked" });
  if (outcome === "foreign") return sendJsonBody(res, 403, { error: "unauthorized_client", error_description: "You are not authorized to revoke this token" });
  sendJsonBody(res, 200, {});
}
