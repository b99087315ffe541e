// What GitHub says about a token in its response headers.
import type { TokenInfo } from "../types";

type Headers = Record<string, string | number | undefined>;

/**
 * Classic tokens' scopes from `X-OAuth-Scopes` ("repo, read:org"); null when the
 * header is absent, as for fine-grained tokens and GitHub App tokens.
 */
export function parseScopes(headers: Headers): string[] | null {
  const value = headers["x-oauth-scopes"];
  if (value === undefined) return null;
  return String(value)
    .split(",")
    .map((scope) => scope.trim())
    .filter(Boolean);
}

/**
 * `github-authentication-token-expiration` ("2026-12-01 10:00:00 UTC", or with
 * an offset such as "+0200") as ISO 8601; null when absent or unreadable.
 */
export function parseTokenExpiry(headers: Headers): string | null {
  const value = headers["github-authentication-token-expiration"];
  if (value === undefined) return null;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*(UTC|GMT|Z|[+-]\d{2}:?\d{2})?$/i.exec(String(value).trim());
  if (!match) return null;
  const [, date, time, zone] = match;
  const offset = !zone || /^(utc|gmt|z)$/i.test(zone) ? "Z" : zone.replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
  const at = new Date(`${date}T${time}${offset}`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/**
 * The scopes Benchtop needs that a classic token lacks: "repo" for a private
 * repository; "public_repo" (or "repo") for a public one, to push. Tokens that
 * report no scopes (fine-grained) are judged by GitHub's answers instead.
 */
export function missingScopesFor(scopes: string[] | null, isPrivate: boolean): string[] {
  if (scopes === null || scopes.includes("repo")) return [];
  if (isPrivate) return ["repo"];
  return scopes.includes("public_repo") ? [] : ["public_repo"];
}

/** The token report of a connection test, from the repository answer's headers and the account's login. */
export function readTokenInfo({ headers, isPrivate, login }: { headers: Headers; isPrivate: boolean; login: string | null }): TokenInfo {
  const scopes = parseScopes(headers);
  return { scopes, missingScopes: missingScopesFor(scopes, isPrivate), expiresAt: parseTokenExpiry(headers), login };
}
