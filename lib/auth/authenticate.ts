import { getUserById, type User } from "../db";
import { AppError } from "../errors";
import { CROSS_SITE_MESSAGE, isSameOriginRequest } from "../http/origin";
import { resolveApiToken } from "./api-tokens";
import { auth } from "./next-auth";

export type Caller = { user: User; via: "token" } | { user: User; via: "session"; sessionId: string };

/**
 * The browser session of this request and its enabled user, if any. auth() answers
 * only for a cookie whose session row still exists (the jwt callback in
 * next-auth.ts): signing out, or a password, role or account change, deletes the row
 * and so ends every copy of the cookie. Disabled users are refused at once.
 */
export async function getBrowserSession(): Promise<{ user: User; sessionId: string } | undefined> {
  const session = await auth();
  const id = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!id || !sessionId) return undefined;
  const user = getUserById({ id });
  return user && !user.disabled ? { user, sessionId } : undefined;
}

/** The signed-in, enabled user of the browser session, if any. */
export async function getSessionUser(): Promise<User | undefined> {
  return (await getBrowserSession())?.user;
}

/** The token in an Authorization header: `Bearer <token>`, or Basic with the token as the password (git). */
export function tokenFromAuthorization(header: string | null): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (!scheme || !value) return undefined;
  if (scheme.toLowerCase() === "bearer") return value;
  if (scheme.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon >= 0 ? decoded.slice(colon + 1) : undefined;
  }
  return undefined;
}

/**
 * Who is calling: a personal access token when an Authorization header is given
 * (a bad one is not rescued by a cookie), else the browser session.
 */
export async function authenticateRequest(request: Request): Promise<Caller | undefined> {
  const header = request.headers.get("authorization");
  if (header) {
    const token = tokenFromAuthorization(header);
    const user = token ? resolveApiToken({ token }) : undefined;
    return user ? { user, via: "token" } : undefined;
  }
  const session = await getBrowserSession();
  return session ? { ...session, via: "session" } : undefined;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The caller of an API request, or `unauthorized`. A cookie-authenticated request
 * that changes something must come from this origin (cross-site request forgery).
 */
export async function requireApiCaller(request: Request): Promise<Caller> {
  const caller = await authenticateRequest(request);
  if (!caller) {
    throw new AppError("unauthorized", "Sign in, or send a personal access token as 'Authorization: Bearer <token>'.");
  }
  if (caller.via === "session" && !SAFE_METHODS.has(request.method) && !isSameOriginRequest(request.headers, request.url)) {
    throw new AppError("forbidden", CROSS_SITE_MESSAGE);
  }
  return caller;
}

export function requireAdmin(caller: Caller): void {
  if (caller.user.role !== "admin") throw new AppError("forbidden", "Only an administrator can do this.");
}
