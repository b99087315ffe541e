import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { attemptBrowserSignIn as signInLikeBrowser } from "../../setup/browser-sign-in.mjs";

export const baseUrl = () => inject("baseUrl");

export type ApiResult<T = any> = { status: number; body: T; headers: Headers; text: string };

/** Calls the API (of the shared server, or of the instance at `base`). `token` sends a bearer token; `cookie` a browser session (with a same-origin Origin). */
export async function api<T = any>(
  path: string,
  {
    method = "GET",
    token,
    cookie,
    body,
    headers = {},
    rawBody,
    base = baseUrl(),
  }: { method?: string; token?: string; cookie?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string | Buffer; base?: string } = {},
): Promise<ApiResult<T>> {
  const all: Record<string, string> = { ...headers };
  if (token) all.authorization = `Bearer ${token}`;
  if (cookie) {
    all.cookie = cookie;
    all.origin ??= base;
  }
  if (body !== undefined) all["content-type"] ??= "application/json";
  const response = await fetch(base + path, {
    method,
    headers: all,
    body: (rawBody ?? (body === undefined ? undefined : JSON.stringify(body))) as BodyInit | undefined,
    redirect: "manual",
  });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed as T, headers: response.headers, text };
}

export const unique = (prefix: string) => `${prefix}${randomBytes(4).toString("hex")}`;

let adminTokenPromise: Promise<string> | undefined;

/** A token of the first administrator (created from BENCHTOP_ADMIN_* at start). */
export function adminToken(): Promise<string> {
  adminTokenPromise ??= (async () => {
    const { email, password } = inject("admin");
    const res = await api("/api/v1/tokens", { method: "POST", body: { email, password, name: unique("admin-") } });
    if (res.status !== 201) throw new Error(`admin token: ${res.status} ${res.text}`);
    return res.body.token as string;
  })();
  return adminTokenPromise;
}

export type TestUser = { id: string; email: string; handle: string; password: string; token: string };

/** Creates a user through the admin API and gives them a token. */
export async function createUser({ role = "user", name = "Test User" }: { role?: "user" | "admin"; name?: string } = {}): Promise<TestUser> {
  const email = `${unique("user")}@example.test`;
  const password = `pw-${randomBytes(6).toString("hex")}`;
  const created = await api("/api/v1/users", { method: "POST", token: await adminToken(), body: { email, name, password, role } });
  if (created.status !== 201) throw new Error(`create user: ${created.status} ${created.text}`);
  const token = await api("/api/v1/tokens", { method: "POST", body: { email, password, name: "test" } });
  if (token.status !== 201) throw new Error(`token: ${token.status} ${token.text}`);
  return { id: created.body.id, email, handle: created.body.handle, password, token: token.body.token };
}

export async function createProject(owner: { token: string }, { name = unique("proj-"), description = "" } = {}) {
  const res = await api("/api/v1/projects", { method: "POST", token: owner.token, body: { name, description } });
  if (res.status !== 201) throw new Error(`create project: ${res.status} ${res.text}`);
  return res.body as { id: string; name: string; cloneUrl: string; owner: { handle: string } };
}

export async function share(project: { id: string }, owner: { token: string }, user: { email: string }, role: "viewer" | "editor") {
  const res = await api(`/api/v1/projects/${project.id}/collaborators`, { method: "POST", token: owner.token, body: { email: user.email, role } });
  if (res.status !== 201) throw new Error(`share: ${res.status} ${res.text}`);
}

/** Signs in the way the browser's sign-in page does; see tests/setup/browser-sign-in.mjs. */
export const attemptBrowserSignIn = (credentials: { email: string; password: string }) => signInLikeBrowser(baseUrl(), credentials);

/** Signs in like a browser and returns the session cookie header; throws when refused. */
export async function signInBrowser(user: { email: string; password: string }): Promise<string> {
  const { cookie, location, status } = await attemptBrowserSignIn(user);
  if (!cookie) throw new Error(`sign-in failed: ${status} ${location}`);
  return cookie;
}
