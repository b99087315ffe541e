// Test fixtures: seeding over the API (as the administrator the server was started
// with) and signing a browser in without going through the sign-in page.
import { test as base, expect, request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN, APP_URL } from "./servers";

/** A user as the API shows them. */
export type UserView = { id: string; email: string; name: string; handle: string; role: "admin" | "user"; disabled: boolean };
export type SeededUser = UserView & { password: string };
export type SeededProject = { id: string; name: string; cloneUrl: string };
/** A project as GET /api/v1/projects/{id} shows it (the fields tests read). */
export type ProjectView = SeededProject & { defaultBranch: string; defaultEditor: "notebook" | "code" };

let counter = 0;
/** A suffix that keeps names unique within a run (each run has fresh data). */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}${counter}`;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function ok<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what} failed: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Benchtop's API, called with personal access tokens (never the browser's cookies). */
export class Api {
  constructor(
    readonly request: APIRequestContext,
    private readonly adminToken: string,
  ) {}

  /** Exchanges an email and password for a personal access token. */
  async createToken({ email, password, name = unique("e2e") }: { email: string; password: string; name?: string }): Promise<string> {
    const body = await ok<{ token: string }>(await this.request.post("/api/v1/tokens", { data: { email, password, name } }), "POST /api/v1/tokens");
    return body.token;
  }

  async createUser({ role = "user", name }: { role?: "admin" | "user"; name?: string } = {}): Promise<SeededUser> {
    const local = unique(role === "admin" ? "admin" : "user");
    const input = { email: `${local}@e2e.test`, name: name ?? `Test ${local}`, password: `pw-${local}`, role };
    const created = await ok<UserView>(
      await this.request.post("/api/v1/users", { headers: bearer(this.adminToken), data: input }),
      "POST /api/v1/users",
    );
    return { ...created, password: input.password };
  }

  async updateUser(id: string, patch: { disabled?: boolean; role?: "admin" | "user" }): Promise<UserView> {
    return ok(await this.request.patch(`/api/v1/users/${id}`, { headers: bearer(this.adminToken), data: patch }), "PATCH /api/v1/users/:id");
  }

  async getUser(id: string): Promise<UserView> {
    return ok(await this.request.get(`/api/v1/users/${id}`, { headers: bearer(this.adminToken) }), "GET /api/v1/users/:id");
  }

  async findUserByEmail(email: string): Promise<UserView> {
    const body = await ok<{ users: UserView[] }>(
      await this.request.get(`/api/v1/users?q=${encodeURIComponent(email)}`, { headers: bearer(this.adminToken) }),
      "GET /api/v1/users",
    );
    const user = body.users.find((u) => u.email === email);
    if (!user) throw new Error(`No user ${email}`);
    return user;
  }

  async createProject(token: string, input: { name: string; description?: string }): Promise<SeededProject> {
    return ok(await this.request.post("/api/v1/projects", { headers: bearer(token), data: input }), "POST /api/v1/projects");
  }

  async getProject(token: string, id: string): Promise<ProjectView> {
    return ok(await this.request.get(`/api/v1/projects/${id}`, { headers: bearer(token) }), "GET /api/v1/projects/:id");
  }

  async updateProject(token: string, id: string, patch: Record<string, unknown>): Promise<ProjectView> {
    return ok(await this.request.patch(`/api/v1/projects/${id}`, { headers: bearer(token), data: patch }), "PATCH /api/v1/projects/:id");
  }

  async addCollaborator(token: string, projectId: string, input: { email: string; role: "viewer" | "editor" }): Promise<void> {
    await ok(await this.request.post(`/api/v1/projects/${projectId}/collaborators`, { headers: bearer(token), data: input }), "POST /api/v1/projects/:id/collaborators");
  }

  async listProjectNames(token: string): Promise<string[]> {
    const body = await ok<{ projects: { name: string }[] }>(await this.request.get("/api/v1/projects?perPage=100", { headers: bearer(token) }), "GET /api/v1/projects");
    return body.projects.map((p) => p.name);
  }

  /**
   * Registers (or updates) one OAuth app as the administrator, keeping the
   * others: PUT /api/v1/admin/oauth-apps replaces the whole set, and a stored
   * app sent without its secret keeps it.
   */
  async registerOAuthApp(app: { provider: string; host: string; kind?: "oauth-app" | "github-app"; clientId: string; clientSecret: string }): Promise<void> {
    type StoredApp = { provider: string; host: string; kind: string; clientId: string };
    const { apps } = await ok<{ apps: StoredApp[] }>(await this.request.get("/api/v1/admin/oauth-apps", { headers: bearer(this.adminToken) }), "GET /api/v1/admin/oauth-apps");
    const others = apps.filter((a) => a.provider !== app.provider || a.host !== app.host).map(({ provider, host, kind, clientId }) => ({ provider, host, kind, clientId }));
    await ok(
      await this.request.put("/api/v1/admin/oauth-apps", { headers: bearer(this.adminToken), data: { apps: [...others, { kind: "oauth-app", ...app }] } }),
      "PUT /api/v1/admin/oauth-apps",
    );
  }

  /** The status of GET /api/v1/me with this token. */
  async meStatus(token: string): Promise<number> {
    return (await this.request.get("/api/v1/me", { headers: bearer(token) })).status();
  }
}

/**
 * Signs the page's browser context in over next-auth's own endpoints (CSRF token,
 * then the credentials callback): the cookies land in the context, as after the form.
 */
export async function signInOverApi(page: Page, user: { email: string; password: string }): Promise<void> {
  const request = page.context().request;
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, callbackUrl: "/projects" },
    maxRedirects: 0,
  });
  expect(response.status(), "the credentials callback redirects").toBe(302);
  expect(response.headers().location ?? "", "sign-in succeeded").not.toContain("error");
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name), "a session cookie was set").toContain("authjs.session-token");
}

type WorkerFixtures = { adminToken: string };
type TestFixtures = { api: Api };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  adminToken: [
    async ({}, provide) => {
      const request = await playwrightRequest.newContext({ baseURL: APP_URL });
      const body = await ok<{ token: string }>(
        await request.post("/api/v1/tokens", { data: { email: ADMIN.email, password: ADMIN.password, name: unique("e2e-admin") } }),
        "POST /api/v1/tokens (admin)",
      );
      await request.dispose();
      await provide(body.token);
    },
    { scope: "worker" },
  ],
  api: async ({ adminToken, baseURL }, provide) => {
    const request = await playwrightRequest.newContext({ baseURL });
    await provide(new Api(request, adminToken));
    await request.dispose();
  },
});

export { expect };
