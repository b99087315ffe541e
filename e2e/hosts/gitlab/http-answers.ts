// How GitLab words its refusals, header by header, shared by the API and git routes.
import type { ServerResponse } from "node:http";

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "max-age=0, private, must-revalidate", ...headers });
  res.end(JSON.stringify(body));
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(text);
}

/** 401 for an unknown token (the API's generic answer). */
export const unauthorized = (res: ServerResponse) => sendJson(res, 401, { message: "401 Unauthorized" });

const INVALID_TOKEN = {
  expired: "Token has expired.",
  // An expired OAuth access token, which a refresh token can renew.
  "oauth-expired": "Token is expired. You can either do re-authorization or token refresh.",
  revoked: "Token was revoked. You have to re-authorize from the user.",
} as const;

/** 401 for an expired or revoked token: GitLab answers these in OAuth's words. */
export function invalidToken(res: ServerResponse, why: keyof typeof INVALID_TOKEN): void {
  const description = INVALID_TOKEN[why];
  sendJson(res, 401, { error: "invalid_token", error_description: description }, { "www-authenticate": `Bearer realm="", error="invalid_token", error_description="${description}"` });
}

/** 403 when the token is valid but its scopes do not cover the endpoint. */
export function insufficientScope(res: ServerResponse, scopes: readonly string[]): void {
  const description = "The request requires higher privileges than provided by the access token.";
  const scope = scopes.join(" ");
  sendJson(res, 403, { error: "insufficient_scope", error_description: description, scope }, { "www-authenticate": `Bearer realm="", error="insufficient_scope", error_description="${description}", scope="${scope}"` });
}

/** `{"message":"404 Project Not Found"}` and its kin. */
export const notFound = (res: ServerResponse, what: string) => sendJson(res, 404, { message: `404 ${what} Not Found` });

export const forbidden = (res: ServerResponse) => sendJson(res, 403, { message: "403 Forbidden" });

/**
 * GitLab's throttle (Rack::Attack) answer: 429, "Retry later", and the
 * RateLimit-* headers with the reset as epoch seconds and as an HTTP date.
 */
export function rateLimited(res: ServerResponse, now = Date.now()): void {
  const reset = Math.ceil(now / 60_000) * 60 + 60;
  res.writeHead(429, {
    "content-type": "text/plain",
    "ratelimit-name": "throttle_authenticated_api",
    "ratelimit-limit": "2000",
    "ratelimit-observed": "2001",
    "ratelimit-remaining": "0",
    "ratelimit-reset": String(reset),
    "ratelimit-resettime": new Date(reset * 1000).toUTCString(),
    "retry-after": String(Math.max(1, reset - Math.floor(now / 1000))),
  });
  res.end("Retry later\n");
}
