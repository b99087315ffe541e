import { NextResponse, type NextRequest } from "next/server";
import { CROSS_SITE_MESSAGE, isSameOriginRequest, requestOrigin } from "./lib/http/origin";
import { COMMON_SECURITY_HEADERS, CROSS_ORIGIN_ISOLATION, HSTS, ISOLATED_PAGES, pagePolicy } from "./lib/http/security-headers";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const PUBLIC_PAGES = /^\/(login|setup)(\/|$)/;

/**
 * In front of every screen (pages and their server actions):
 * - a write (a server action's POST) must come from Benchtop's own pages: Next's own
 *   check lets a POST without Origin through and answers a foreign one with a 500;
 * - pages get a Content-Security-Policy with a fresh nonce and the common security headers;
 * - an early, cookie-only redirect to the sign-in page, a convenience rather than a gate
 *   (every page, route and action checks the session itself).
 * - session pages are cross-origin isolated (COEP; COOP is common), for notebooks' kernels.
 * Git and API routes, Pyodide's files (/pyodide) and deployed content (/deploy/, which sets its own headers) are outside the matcher (proxy.ts would buffer and cap request
 * bodies); they check origins themselves and get their headers from next.config.mjs.
 */
export function proxy(request: NextRequest) {
  if (!SAFE_METHODS.has(request.method) && !isSameOriginRequest(request.headers, request.url)) {
    return withSecurityHeaders(request, new NextResponse(CROSS_SITE_MESSAGE, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } }));
  }
  const pathname = request.nextUrl.pathname;
  const hasSession = request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");
  if (!hasSession && !PUBLIC_PAGES.test(pathname)) {
    const login = new URL("/login", request.url);
    const target = pathname + request.nextUrl.search;
    if (target !== "/") login.searchParams.set("callbackUrl", target);
    return withSecurityHeaders(request, NextResponse.redirect(login));
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = pagePolicy({ nonce, development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (ISOLATED_PAGES.test(pathname)) for (const [name, value] of Object.entries(CROSS_ORIGIN_ISOLATION)) response.headers.set(name, value);
  return withSecurityHeaders(request, response);
}

function withSecurityHeaders(request: NextRequest, response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) response.headers.set(name, value);
  if (requestOrigin(request.headers, request.url).startsWith("https:")) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export const config = {
  matcher: ["/((?!api|git|proxy|pyodide|deploy/|_next|favicon.ico|icon.svg|robots.txt).*)"],
};
