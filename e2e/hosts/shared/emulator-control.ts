// TEST-ONLY control endpoints under /_emulator/. No provider has them: they let
// a test move time forward for tokens and read what the emulator saw, without
// waiting eight hours for a token to expire.
//   POST /_emulator/expire-access-tokens  {"login"}  every OAuth access token of the account expires now
//   POST /_emulator/revoke-refresh-tokens {"login"}  every refresh token of the account stops working
//   GET  /_emulator/oauth-log                        {"tokenRequests":[...],"revocations":[...]}
import type { IncomingMessage, ServerResponse } from "node:http";
import type { OAuthLog } from "./oauth-log";
import { readParams, sendJsonBody } from "./oauth-http";

export const CONTROL_PREFIX = "/_emulator/";

export type EmulatorControls = {
  /** How many access tokens now count as expired; null when there is no such account. */
  expireAccessTokens(login: string): number | null;
  /** How many refresh tokens were revoked; null when there is no such account. */
  revokeRefreshTokens(login: string): number | null;
  readOAuthLog(): OAuthLog;
};

/** Answers a request under /_emulator/ (the caller checks the prefix). */
export async function handleEmulatorControl(req: IncomingMessage, res: ServerResponse, url: URL, controls: EmulatorControls): Promise<void> {
  const action = url.pathname.slice(CONTROL_PREFIX.length);
  if (action === "oauth-log" && req.method === "GET") return sendJsonBody(res, 200, controls.readOAuthLog());
  const change = action === "expire-access-tokens" ? controls.expireAccessTokens : action === "revoke-refresh-tokens" ? controls.revokeRefreshTokens : null;
  if (!change || req.method !== "POST") return sendJsonBody(res, 404, { error: `no emulator control ${req.method} ${url.pathname}` });
  const params = await readParams(req, url);
  // GitLab calls accounts users by "username"; either name is taken.
  const login = params.login ?? params.username;
  if (!login) return sendJsonBody(res, 400, { error: "send {\"login\"}" });
  const count = change(login);
  if (count === null) return sendJsonBody(res, 404, { error: `no account ${login}` });
  sendJsonBody(res, 200, { login, count });
}
