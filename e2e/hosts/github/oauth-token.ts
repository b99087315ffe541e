// POST /login/oauth/access_token: a code (with PKCE) or a GitHub App refresh
// token for tokens. GitHub answers JSON only when asked (Accept:
// application/json), form-encoded otherwise, and answers its errors with HTTP
// 200 and {"error","error_description","error_uri"}.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readClientCredentials, readParams } from "../shared/oauth-http";
import { verifyCodeChallenge } from "../shared/pkce";
import type { GitHubOAuth, TokenAnswer } from "./oauth-apps";

export const ACCESS_TOKEN_PATH = "/login/oauth/access_token";

const DOCS = "https://docs.github.com/apps/managing-oauth-apps";

/** GitHub's documented token request errors, in its words. */
const ERRORS = {
  incorrect_client_credentials: ["The client_id and/or client_secret passed are incorrect.", `${DOCS}/troubleshooting-oauth-app-access-token-request-errors/#incorrect-client-credentials`],
  redirect_uri_mismatch: ["The redirect_uri MUST match the registered callback URL for this application.", `${DOCS}/troubleshooting-authorization-request-errors/#redirect-uri-mismatch2`],
  bad_verification_code: ["The code passed is incorrect or expired.", `${DOCS}/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code`],
  bad_refresh_token: ["The refresh token passed is incorrect or expired.", `${DOCS}/troubleshooting-oauth-app-access-token-request-errors/#bad-refresh-token`],
  unsupported_grant_type: ["The grant type is not supported.", `${DOCS}/troubleshooting-oauth-app-access-token-request-errors/#unsupported-grant-type`],
} as const;

type ErrorName = keyof typeof ERRORS;

type Outcome = { ok: true; body: TokenAnswer } | { ok: false; error: ErrorName };

function answer(req: IncomingMessage, res: ServerResponse, outcome: Outcome): void {
  const body: Record<string, string | number> = outcome.ok ? outcome.body : { error: outcome.error, error_description: ERRORS[outcome.error][0], error_uri: ERRORS[outcome.error][1] };
  const json = (req.headers.accept ?? "").includes("application/json");
  const text = json ? JSON.stringify(body) : new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString();
  res.writeHead(200, { "content-type": json ? "application/json; charset=utf-8" : "application/x-www-form-urlencoded; charset=utf-8", "cache-control": "no-store" }).end(text);
}

function exchangeCode(oauth: GitHubOAuth, clientId: string, params: Record<string, string>): Outcome {
  const app = oauth.findApp(clientId)!;
  const entry = oauth.codes.find(params.code);
  if (!entry || entry.clientId !== clientId) return { ok: false, error: "bad_verification_code" };
  // The redirect_uri is optional here; when sent, it must be the one the code was issued for.
  const expected = entry.redirectUri ?? app.redirectUris[0];
  if (params.redirect_uri && expected && params.redirect_uri !== expected) return { ok: false, error: "redirect_uri_mismatch" };
  // GitHub words a failed PKCE check like a bad code.
  if (entry.challenge && !verifyCodeChallenge(entry.challenge, params.code_verifier)) return { ok: false, error: "bad_verification_code" };
  oauth.codes.consume(params.code!);
  return { ok: true, body: oauth.issueTokens(app, entry.grant) };
}

/** Answers POST /login/oauth/access_token and records the request in the OAuth log. */
export async function handleAccessToken({ req, res, url, oauth }: { req: IncomingMessage; res: ServerResponse; url: URL; oauth: GitHubOAuth }): Promise<void> {
  if (req.method !== "POST") return void res.writeHead(404, { "content-type": "text/plain" }).end("Not Found\n");
  const params = await readParams(req, url);
  const { clientId, clientSecret } = readClientCredentials(req, params);
  const grantType = params.grant_type || "authorization_code";
  const app = oauth.authenticateClient(clientId, clientSecret);
  let outcome: Outcome;
  if (!app) outcome = { ok: false, error: "incorrect_client_credentials" };
  else if (grantType === "authorization_code") outcome = exchangeCode(oauth, clientId, params);
  else if (grantType === "refresh_token") {
    const body = oauth.refresh(app, params.refresh_token);
    outcome = body ? { ok: true, body } : { ok: false, error: "bad_refresh_token" };
  } else outcome = { ok: false, error: "unsupported_grant_type" };
  oauth.log.tokenRequest({ grantType, clientId, ok: outcome.ok });
  answer(req, res, outcome);
}
