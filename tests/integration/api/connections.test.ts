import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "../../../e2e/hosts/github/emulator-process";
import { adminToken, api, baseUrl, createUser, signInBrowser, unique, type TestUser } from "../helpers/api";
import { gatewayUrl, gitAsync } from "../helpers/gateway";
import { gitOk, tempDir } from "../helpers/git";

let emulator: GitHubEmulatorProcess;
let host: string; // 127.0.0.1:{port}, a GitHub Enterprise host on the test server's BENCHTOP_INSECURE_HOSTS

const connect = (user: { token: string }, token: string, body: Record<string, unknown> = {}) =>
  api("/api/v1/me/connections", { method: "POST", token: user.token, body: { provider: "github-enterprise", host, token, ...body } });

beforeAll(async () => {
  emulator = await startGitHubEmulatorProcess();
  host = new URL(emulator.url).host;
});

afterAll(async () => {
  await emulator?.stop();
});

describe("connections by personal access token", () => {
  let user: TestUser;
  let other: TestUser;
  beforeAll(async () => {
    user = await createUser();
    other = await createUser();
  });

  it("connects with a good token: the host reports the login, scopes and expiry", async () => {
    const res = await connect(user, emulator.world.tokens.admin);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      provider: "github-enterprise",
      host,
      login: "octocat",
      method: "token",
      expiresAt: emulator.world.adminExpiresAt,
      scopes: ["repo", "read:org"],
      renewable: false,
      reconnectReason: null,
    });
    expect(res.text).not.toContain(emulator.world.tokens.admin);
  });

  it("lists the caller's connections only, never with the token", async () => {
    const mine = await api("/api/v1/me/connections", { token: user.token });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.connections).toHaveLength(1);
    expect(mine.body.connections[0]).toMatchObject({ provider: "github-enterprise", host, login: "octocat", method: "token" });
    expect(Object.keys(mine.body.connections[0]).sort()).toEqual(["expiresAt", "host", "id", "login", "method", "provider", "reconnectReason", "renewable", "scopes"]);
    expect(mine.text).not.toContain(emulator.world.tokens.admin);
    const theirs = await api("/api/v1/me/connections", { token: other.token });
    expect(theirs.body).toEqual({ connections: [] });
  });

  it("refuses a second connection to the same provider and host (409)", async () => {
    const res = await connect(user, emulator.world.tokens.readOnly, { host: host.toUpperCase() });
    expect(res.status, res.text).toBe(409);
    expect(res.body.error.code).toBe("conflict");
    expect(res.body.error.message).toMatch(/disconnect first/i);
  });

  it("refuses a token the host refuses (400, fields.token, in the host's words)", async () => {
    const res = await connect(other, emulator.world.tokens.bad);
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe("invalid_input");
    expect(res.body.error.fields.token).toMatch(/refused the token/);
    expect((await api("/api/v1/me/connections", { token: other.token })).body.connections).toEqual([]);
  });

  it("validates the body (400)", async () => {
    const missing = await api("/api/v1/me/connections", { method: "POST", token: other.token, body: { provider: "github-enterprise", host } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.token).toBeTruthy();
    const provider = await api("/api/v1/me/connections", { method: "POST", token: other.token, body: { provider: "s3", host, token: "x" } });
    expect(provider.status).toBe(400);
    expect(provider.body.error.fields.provider).toBeTruthy();
    const cloud = await connect(other, "x", { provider: "github", host: "gitlab.com" });
    expect(cloud.status).toBe(400);
    expect(cloud.body.error.fields.host).toMatch(/github\.com/);
    const badHost = await connect(other, "x", { host: "not a host/" });
    expect(badHost.status).toBe(400);
    expect(badHost.body.error.fields.host).toBeTruthy();
    // An email is for Bitbucket Cloud API tokens only, and must be one.
    const email = await connect(other, emulator.world.tokens.admin, { email: "ada@example.test" });
    expect(email.status).toBe(400);
    expect(email.body.error.fields.email).toMatch(/Only Bitbucket Cloud/);
    const badEmail = await connect(other, "x", { provider: "bitbucket", host: "bitbucket.org", email: "ada at example" });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.fields.email).toMatch(/valid email/);
    expect((await api("/api/v1/me/connections", { token: other.token })).body.connections).toEqual([]);
  });

  it("records the connection in the audit trail without the token", async () => {
    const audit = await api(`/api/v1/admin/audit?action=connection.created&actor=${encodeURIComponent(user.email)}`, { token: await adminToken() });
    expect(audit.status, audit.text).toBe(200);
    expect(audit.body.events.length).toBeGreaterThan(0);
    expect(audit.text).not.toContain(emulator.world.tokens.admin);
  });

  it("deletes: another user's connection and unknown ids are 404, the owner's 204", async () => {
    const { body } = await api("/api/v1/me/connections", { token: user.token });
    const id = body.connections[0].id as string;
    expect((await api(`/api/v1/me/connections/${id}`, { method: "DELETE", token: other.token })).status).toBe(404);
    expect((await api(`/api/v1/me/connections/${unique("nope")}`, { method: "DELETE", token: user.token })).status).toBe(404);
    const res = await api(`/api/v1/me/connections/${id}`, { method: "DELETE", token: user.token });
    expect(res.status, res.text).toBe(204);
    expect((await api("/api/v1/me/connections", { token: user.token })).body.connections).toEqual([]);
    expect((await api(`/api/v1/me/connections/${id}`, { method: "DELETE", token: user.token })).status).toBe(404);
    const audit = await api(`/api/v1/admin/audit?action=connection.deleted&actor=${encodeURIComponent(user.email)}`, { token: await adminToken() });
    expect(audit.body.events.length).toBe(1);
    // Connecting again after disconnecting works.
    expect((await connect(user, emulator.world.tokens.readOnly)).status).toBe(201);
  });
});

describe("the git gateway with the caller's connection", () => {
  type Browser = TestUser & { cookie: string };
  const browserUser = async (): Promise<Browser> => {
    const u = await createUser();
    return { ...u, cookie: await signInBrowser(u) };
  };
  /** Registers acme/models with a token, then clears its credential: the repository has none of its own. */
  const registerWithoutCredential = async (u: { token: string }) => {
    const res = await api("/api/v1/repositories", { method: "POST", token: u.token, body: { provider: "github-enterprise", name: unique("repo-"), location: `${emulator.url}/acme/models`, token: emulator.world.tokens.admin } });
    expect(res.status, res.text).toBe(201);
    const cleared = await api(`/api/v1/repositories/${res.body.id}/credentials`, { method: "DELETE", token: u.token });
    expect(cleared.status, cleared.text).toBe(204);
    expect((await api(`/api/v1/repositories/${res.body.id}`, { token: u.token })).body.hasCredentials).toBe(false);
  };
  const url = () => gatewayUrl(baseUrl(), `${emulator.url}/acme/models.git`);

  async function cloneAndCommit(u: Browser, label: string) {
    const dir = path.join(tempDir(), "work");
    const clone = await gitAsync(["clone", url(), dir], { cookie: u.cookie });
    expect(clone.code, clone.stderr).toBe(0);
    fs.writeFileSync(path.join(dir, `${label}.txt`), `${label} ${Date.now()}\n`);
    gitOk(["add", `${label}.txt`], { cwd: dir });
    gitOk(["commit", "-q", "-m", label], { cwd: dir });
    return dir;
  }

  it("clones and pushes with the caller's connection when the repository has no credential", { timeout: 120_000 }, async () => {
    const writer = await browserUser();
    await registerWithoutCredential(writer);
    expect((await connect(writer, emulator.world.tokens.admin)).status).toBe(201);
    const dir = await cloneAndCommit(writer, "through-connection");
    const local = gitOk(["rev-parse", "HEAD"], { cwd: dir }).trim();
    const push = await gitAsync(["push", "origin", "HEAD:main"], { cwd: dir, cookie: writer.cookie });
    expect(push.code, push.stderr).toBe(0);
    expect(push.stderr + push.stdout).not.toContain(emulator.world.tokens.admin);
    // The emulator took the push (only a token with write access may push there).
    const check = path.join(tempDir(), "check");
    gitOk(["clone", "-q", `${emulator.url}/acme/models.git`, check], { auth: { token: emulator.world.tokens.admin } });
    expect(gitOk(["rev-parse", "HEAD"], { cwd: check }).trim()).toBe(local);
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    fs.rmSync(path.dirname(check), { recursive: true, force: true });
  });

  it("shows the connections on the settings page, without the token", async () => {
    const viewer = await browserUser();
    expect((await connect(viewer, emulator.world.tokens.admin)).status).toBe(201);
    const page = await fetch(`${baseUrl()}/settings/connections`, { headers: { cookie: viewer.cookie }, redirect: "manual" });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Connect with a personal access token");
    expect(html).toContain(host);
    expect(html).toContain("octocat");
    expect(html).not.toContain(emulator.world.tokens.admin);
  });

  it("pushes with a read-only connection token are refused by the host", { timeout: 120_000 }, async () => {
    const reader = await browserUser();
    await registerWithoutCredential(reader);
    expect((await connect(reader, emulator.world.tokens.readOnly)).status).toBe(201);
    const dir = await cloneAndCommit(reader, "read-only");
    const push = await gitAsync(["push", "origin", "HEAD:main"], { cwd: dir, cookie: reader.cookie });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/denied to reader|403/);
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it("uses only the caller's own connection: without one, the push is asked for a credential", { timeout: 120_000 }, async () => {
    // Another user is connected to the host (the first test's writer); this one is not.
    const loner = await browserUser();
    await registerWithoutCredential(loner);
    const dir = await cloneAndCommit(loner, "no-connection");
    const push = await gitAsync(["push", "origin", "HEAD:main"], { cwd: dir, cookie: loner.cookie });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/401|asks for a credential|Authentication failed|could not read Username/i);
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });
});
