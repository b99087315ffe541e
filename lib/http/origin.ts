import { getEnv } from "../config/env";

/**
 * The origin the request reached us at. X-Forwarded-Host and -Proto are believed
 * only when the operator named trusted proxies (server.mjs removes them from
 * every other peer); otherwise it is plain http on the Host header, which is all
 * Benchtop itself serves.
 */
export function requestOrigin(headers: Headers, fallbackUrl?: string): string {
  const trustForwarded = Boolean(getEnv().BENCHTOP_TRUSTED_PROXIES);
  const forwardedHost = trustForwarded ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const host = forwardedHost || headers.get("host");
  if (!host) return fallbackUrl ? new URL(fallbackUrl).origin : "http://localhost";
  const forwardedProto = trustForwarded ? headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
  return `${proto}://${host}`;
}

/** The public origin the operator configured: BENCHTOP_URL, else AUTH_URL. */
function configuredOrigin(): string | undefined {
  const env = getEnv();
  const configured = env.BENCHTOP_URL ?? env.AUTH_URL;
  return configured ? new URL(configured).origin : undefined;
}

/**
 * The origin Benchtop hands out in URLs (clone URLs, links): BENCHTOP_URL, else
 * AUTH_URL, else the origin of the request.
 */
export function publicOrigin(headers: Headers, fallbackUrl?: string): string {
  return configuredOrigin() ?? requestOrigin(headers, fallbackUrl);
}

/**
 * True when the Origin header names this server. With a configured public origin
 * only that one counts, so a forged Host cannot vouch for a foreign Origin; without
 * one, the origin of the request itself.
 */
export function isSameOrigin(headers: Headers, fallbackUrl?: string): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let given: URL;
  try {
    given = new URL(origin);
  } catch {
    return false;
  }
  const allowed = new URL(configuredOrigin() ?? requestOrigin(headers, fallbackUrl));
  return allowed.host.toLowerCase() === given.host.toLowerCase() && allowed.protocol === given.protocol;
}

/**
 * Whether a request comes from one of Benchtop's own pages: a same-origin Origin,
 * or, from a browser that sent none, `Sec-Fetch-Site: same-origin`. Everything
 * else (no header at all, `null`, a foreign or look-alike origin, a cross-site
 * fetch) is refused: this is the rule for every state-changing request that a
 * cookie authenticates.
 */
export function isSameOriginRequest(headers: Headers, fallbackUrl?: string): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  if (headers.get("origin") !== null) return isSameOrigin(headers, fallbackUrl);
  return site === "same-origin";
}

/** What a refused cross-site request is told (pages, API and git alike). */
export const CROSS_SITE_MESSAGE =
  "Requests that change data with a browser session must come from Benchtop's own pages. Scripts should use a personal access token.";
