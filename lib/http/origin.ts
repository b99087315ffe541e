import { getEnv } from "../config/env";

/** The origin the request reached us at, as the client saw it (Host and X-Forwarded-Proto). */
export function requestOrigin(headers: Headers, fallbackUrl?: string): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return fallbackUrl ? new URL(fallbackUrl).origin : "http://localhost";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || (fallbackUrl ? new URL(fallbackUrl).protocol.replace(":", "") : "http");
  return `${proto}://${host}`;
}

/**
 * The origin Benchtop hands out in URLs (clone URLs, links): BENCHTOP_URL, else
 * AUTH_URL, else the origin of the request.
 */
export function publicOrigin(headers: Headers, fallbackUrl?: string): string {
  const env = getEnv();
  const configured = env.BENCHTOP_URL ?? env.AUTH_URL;
  if (configured) return new URL(configured).origin;
  return requestOrigin(headers, fallbackUrl);
}

/** True when the request's Origin header names this server (the request's host or the public origin). */
export function isSameOrigin(headers: Headers, fallbackUrl?: string): boolean {
  const origin = headers.get("origin");
  if (!origin) return false;
  let given: URL;
  try {
    given = new URL(origin);
  } catch {
    return false;
  }
  const allowed = [requestOrigin(headers, fallbackUrl), publicOrigin(headers, fallbackUrl)].map((o) => new URL(o));
  return allowed.some((a) => a.host.toLowerCase() === given.host.toLowerCase() && a.protocol === given.protocol);
}
