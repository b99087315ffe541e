import { NextResponse, type NextRequest } from "next/server";

// An early, cookie-only redirect to the sign-in page for screens. It is a
// convenience, not a gate: every page, route and action checks the session
// itself. Git and API routes are outside the matcher (proxy.ts would buffer
// and cap request bodies, and they answer 401 themselves).
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");
  if (hasSession) return NextResponse.next();
  const login = new URL("/login", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") login.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!api|git|proxy|login|setup|_next|favicon.ico|robots.txt).*)"],
};
