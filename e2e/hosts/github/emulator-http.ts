// How the GitHub emulator reads credentials and writes REST answers: GitHub's
// token schemes and the headers every answer carries (rate limit, scopes,
// token expiry), shared by the API routes in separate files.
import crypto from "node:crypto";
import type { ServerResponse } from "node:http";
import type { EmulatorState, SeededToken } from "./emulator-state";

export type Auth = { kind: "anonymous" } | { kind: "token"; token: SeededToken } | { kind: "bad" };

export const RATE_LIMIT = 5000;

export function readAuth(state: EmulatorState, header: string | undefined): Auth {
  if (!header) return { kind: "anonymous" };
  const bearer = /^(?:token|bearer)\s+(\S+)$/i.exec(header);
  // GitHub also takes Basic with any user name and the token as the password.
  const basic = /^basic\s+(\S+)$/i.exec(header);
  const value = bearer?.[1] ?? (basic ? Buffer.from(basic[1]!, "base64").toString("utf8").split(":").slice(1).join(":") : undefined);
  const token = value ? state.findToken(value) : undefined;
  return token ? { kind: "token", token } : { kind: "bad" };
}

/** Writes one REST answer with GitHub's headers; classic tokens' scopes go in X-OAuth-Scopes, fine-grained ones send none. */
export function sendApi(res: ServerResponse, status: number, body: unknown, auth: Auth, extra: Record<string, string> = {}): void {
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    "x-github-media-type": "github.v3; format=json",
    "x-github-request-id": crypto.randomUUID().toUpperCase(),
    "x-github-enterprise-version": "3.19.0",
    "x-ratelimit-limit": String(RATE_LIMIT),
    "x-ratelimit-remaining": String(RATE_LIMIT - 1),
    "x-ratelimit-used": "1",
    "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
    "x-ratelimit-resource": "core",
    ...extra,
  };
  if (auth.kind === "token") {
    if (auth.token.scopes) headers["x-oauth-scopes"] = auth.token.scopes.join(", ");
    if (auth.token.expiresAt) headers["github-authentication-token-expiration"] = auth.token.expiresAt.toISOString().replace("T", " ").replace(/\.\d{3}Z$/, " UTC");
  }
  if (status === 204) return void res.writeHead(204, Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "content-type"))).end();
  res.writeHead(status, headers).end(typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}
