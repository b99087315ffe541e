// Stolen or left-behind session cookies. The session cookie was a self-contained
// signed token: a copy taken before Sign out (from a shared computer, a backup of
// the browser profile, a proxy log) kept answering 200 after Sign out, after the
// account was disabled or its password reset, and across restarts. Each test here
// copies a cookie, ends the session the way a person or an administrator would, and
// replays the copy.
import { afterAll, describe, expect, it } from "vitest";
import { startAppServer } from "../setup/app-server.mjs";
import { attemptBrowserSignIn as signInAt } from "../setup/browser-sign-in.mjs";
import { adminToken, api, baseUrl, createProject, createUser, signInBrowser } from "../integration/helpers/api";
import { meStatus, pressSignOut } from "./helpers/sessions";

const patchUser = async (id: string, body: Record<string, unknown>) => {
  const res = await api(`/api/v1/users/${id}`, { method: "PATCH", token: await adminToken(), body });
  expect(res.status, res.text).toBe(200);
};

describe("copied session cookies", () => {
  it("a cookie copied before Sign out is refused afterwards, by the API, the pages and /git", async () => {
    const user = await createUser();
    const project = await createProject(user);
    const cookie = await signInBrowser(user);
    const copy = cookie;
    const gitRefs = `${new URL(project.cloneUrl).pathname}/info/refs?service=git-upload-pack`;
    expect(await meStatus(copy)).toBe(200);
    expect((await fetch(baseUrl() + gitRefs, { headers: { cookie: copy } })).status).toBe(200);

    await pressSignOut(cookie);

    expect(await meStatus(copy)).toBe(401);
    const page = await fetch(`${baseUrl()}/projects`, { headers: { cookie: copy }, redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/login/);
    expect((await fetch(baseUrl() + gitRefs, { headers: { cookie: copy } })).status).toBe(401);
    // next-auth's own session endpoint names no user for it, and tells the browser to drop it.
    const session = await fetch(`${baseUrl()}/api/auth/session`, { headers: { cookie: copy } });
    expect(await session.json()).toBeNull();
    expect(session.headers.getSetCookie().join("\n")).toMatch(/authjs\.session-token=;/);
    // Signing in again gives a new, working session; the old copy stays dead.
    expect(await meStatus(await signInBrowser(user))).toBe(200);
    expect(await meStatus(copy)).toBe(401);
  });

  it("signing out through next-auth's own endpoint ends the session too", async () => {
    const user = await createUser();
    const cookie = await signInBrowser(user);
    const csrf = await fetch(`${baseUrl()}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = await csrf.json();
    const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const out = await fetch(`${baseUrl()}/api/auth/signout`, {
      method: "POST",
      headers: { cookie: [cookie, csrfCookie].filter(Boolean).join("; "), "content-type": "application/x-www-form-urlencoded", origin: baseUrl() },
      body: new URLSearchParams({ csrfToken }),
      redirect: "manual",
    });
    expect(out.status).toBe(302);
    expect(await meStatus(cookie)).toBe(401);
  });

  it("a disabled user's copied cookie stays refused after the account is enabled again", async () => {
    const user = await createUser();
    const cookie = await signInBrowser(user);
    await patchUser(user.id, { disabled: true });
    expect(await meStatus(cookie)).toBe(401);
    await patchUser(user.id, { disabled: false });
    expect(await meStatus(cookie)).toBe(401);
    expect(await meStatus(await signInBrowser(user))).toBe(200);
  });

  it("an administrator's password reset ends every session of the account", async () => {
    const user = await createUser();
    const [first, second] = [await signInBrowser(user), await signInBrowser(user)];
    await patchUser(user.id, { password: "reset-by-admin-1" });
    expect([await meStatus(first), await meStatus(second)]).toEqual([401, 401]);
    expect(await meStatus(await signInBrowser({ email: user.email, password: "reset-by-admin-1" }))).toBe(200);
  });

  it("a demoted administrator's copied cookie no longer carries the old role", async () => {
    const admin = await createUser({ role: "admin" });
    const cookie = await signInBrowser(admin);
    expect((await api("/api/v1/users", { cookie })).status).toBe(200);
    await patchUser(admin.id, { role: "user" });
    expect(await meStatus(cookie)).toBe(401);
    expect((await api("/api/v1/users", { cookie })).status).toBe(401);
  });
  // Changing one's own password (keeps this session, ends the others): accounts.test.ts.
});

describe("sessions across restarts and instances", () => {
  const admin = { email: "restart-admin@benchtop.test", password: "restart-admin-password" };
  const servers: { baseUrl: string; dataDir: string; stop: () => Promise<void> }[] = [];
  const start = async (dataDir?: string) => {
    const server = await startAppServer({ dataDir, env: { BENCHTOP_ADMIN_EMAIL: admin.email, BENCHTOP_ADMIN_PASSWORD: admin.password } });
    servers.push(server);
    return server;
  };
  const signInAtServer = async (base: string) => {
    const { cookie } = await signInAt(base, admin);
    expect(cookie, "signed in").toBeDefined();
    return cookie!;
  };

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it("a cookie copied before Sign out is still refused after the app restarts, while a live session survives it", async () => {
    const first = await start();
    const signedOut = await signInAtServer(first.baseUrl);
    const live = await signInAtServer(first.baseUrl);
    await pressSignOut(signedOut, first.baseUrl);
    expect(await meStatus(signedOut, first.baseUrl)).toBe(401);
    await first.stop();

    const again = await start(first.dataDir);
    expect(await meStatus(signedOut, again.baseUrl)).toBe(401);
    expect(await meStatus(live, again.baseUrl)).toBe(200);
  });

  it("a session ended on one instance is refused by another instance sharing the database", async () => {
    const one = await start();
    const two = await start(one.dataDir);
    const cookie = await signInAtServer(one.baseUrl);
    expect(await meStatus(cookie, two.baseUrl)).toBe(200);
    await pressSignOut(cookie, two.baseUrl);
    expect(await meStatus(cookie, one.baseUrl)).toBe(401);
    expect(await meStatus(cookie, two.baseUrl)).toBe(401);
  });
});
