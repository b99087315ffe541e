// The GitHub emulator's OAuth web application flow, end to end over HTTP and
// with the real git client: the sign-in page and its form, codes with PKCE,
// OAuth App and GitHub App tokens, refresh rotation, revocation, the test-only
// controls; plus GET /user/repos and a protected branch refusing a push. REST
// answers are checked against GitHub's OpenAPI descriptions.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readForm, submitForm } from "../shared/consent-form";
import { s256Challenge } from "../shared/pkce";
import { type GitHubContractWorld, seedGitHubContractWorld } from "./contract-seed";
import { type GitHubEmulator, startGitHubEmulator } from "./github-emulator";
import { loadOpenApiValidator, type OpenApiValidator } from "./openapi-validator";

let emulator: GitHubEmulator;
let world: GitHubContractWorld;
let descriptions: OpenApiValidator[];
const work = fs.mkdtempSync(path.join(os.tmpdir(), "github-oauth-test-"));

beforeAll(async () => {
  emulator = await startGitHubEmulator();
  world = seedGitHubContractWorld(emulator);
  descriptions = [loadOpenApiValidator("ghes-3.19"), loadOpenApiValidator("api.github.com")];
}, 60_000);
afterAll(async () => {
  await emulator?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

const CALLBACK = "http://127.0.0.1:9/api/auth/callback/github";
const basicAuth = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;

const gitEnv = { PATH: process.env.PATH, HOME: os.tmpdir(), GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.test", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.test" } as unknown as NodeJS.ProcessEnv;
// Asynchronous: the emulator answers on this process's event loop.
const git = async (args: string[], token?: string, cwd?: string) =>
  (await promisify(execFile)("git", [...(token ? ["-c", `http.extraHeader=Authorization: ${basicAuth("x-access-token", token)}`] : []), ...args], { cwd, env: gitEnv, encoding: "utf8" })).stdout;
const gitFailure = async (running: Promise<unknown>) => {
  try {
    await running;
  } catch (error) {
    return String((error as { stderr?: string }).stderr);
  }
  throw new Error("expected git to fail");
};


async function openAuthorizePage(params: Record<string, string>) {
  const res = await fetch(`${emulator.url}/login/oauth/authorize?${new URLSearchParams(params)}`);
  return { status: res.status, contentType: res.headers.get("content-type"), html: await res.text() };
}

const submit = (html: string, extra: Record<string, string>) => submitForm({ origin: emulator.url, html, extra });

/** Page, sign-in, Authorize: the code the client's callback receives. */
async function authorize({ clientId, scope = "", verifier }: { clientId: string; scope?: string; verifier?: string }): Promise<string> {
  const page = await openAuthorizePage({ client_id: clientId, redirect_uri: CALLBACK, scope, state: "st4te", ...(verifier ? { code_challenge: s256Challenge(verifier), code_challenge_method: "S256" } : {}) });
  const done = await submit(page.html, { login: "octocat", password: world.password, decision: "authorize" });
  expect(done.status).toBe(302);
  const back = new URL(done.location!);
  expect(back.origin + back.pathname).toBe(CALLBACK);
  expect(back.searchParams.get("state")).toBe("st4te");
  return back.searchParams.get("code")!;
}

async function tokenRequest(body: Record<string, string>, accept = "application/json") {
  const res = await fetch(`${emulator.url}/login/oauth/access_token`, { method: "POST", headers: { accept, "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get("content-type"), text, body: accept === "application/json" ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text)) };
}

async function api(route: string, token?: string, init: RequestInit = {}) {
  const res = await fetch(`${emulator.apiRoot}${route}`, { ...init, headers: { accept: "application/vnd.github+json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

function expectSchema(data: unknown, schema: string) {
  for (const d of descriptions) expect(d.checkSchema(schema, data), `${d.name}: ${schema}`).toBeNull();
}

const verifier = () => crypto.randomBytes(32).toString("base64url");

describe("GitHub OAuth: the authorization page", () => {
  it("answers an accessible sign-in page with GitHub's labels and buttons", async () => {
    const page = await openAuthorizePage({ client_id: world.oauthApps.oauthApp.clientId, redirect_uri: CALLBACK, scope: "repo read:user", state: "s" });
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.html).toContain('<label for="login_field">Username or email address</label>');
    expect(page.html).toContain('<label for="password">Password</label>');
    expect(page.html).toMatch(/<button type="submit"[^>]*>Authorize Benchtop<\/button>/);
    expect(page.html).toMatch(/<button type="submit"[^>]*>Cancel<\/button>/);
    expect(readForm(page.html).fields).toMatchObject({ client_id: world.oauthApps.oauthApp.clientId, redirect_uri: CALLBACK, scope: "repo read:user", state: "s" });
  });

  it("refuses an unknown client with an HTML 404, and a wrong password with the page again", async () => {
    const unknown = await openAuthorizePage({ client_id: "Ov23linope", redirect_uri: CALLBACK });
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toMatch(/^text\/html/);
    const page = await openAuthorizePage({ client_id: world.oauthApps.oauthApp.clientId, redirect_uri: CALLBACK, state: "s" });
    const wrong = await submit(page.html, { login: "octocat", password: "nope", decision: "authorize" });
    expect(wrong.status).toBe(200);
    expect(wrong.html).toContain("Incorrect username or password.");
    expect(wrong.html).toContain('value="octocat"');
  });

  it("Cancel sends the browser back with access_denied in GitHub's words", async () => {
    const page = await openAuthorizePage({ client_id: world.oauthApps.oauthApp.clientId, redirect_uri: CALLBACK, state: "xyz" });
    const cancelled = await submit(page.html, { decision: "deny" });
    expect(cancelled.status).toBe(302);
    const query = cancelled.location!.slice(cancelled.location!.indexOf("?") + 1);
    expect(query).toMatch(/^error=access_denied&error_description=The\+user\+has\+denied\+your\+application\+access\.&error_uri=https%3A%2F%2F.+&state=xyz$/);
  });
});

describe("GitHub OAuth: an OAuth App", () => {
  it("code + PKCE -> gho_ token with the scopes; API, git; one use; revocation", async () => {
    const { clientId, clientSecret } = world.oauthApps.oauthApp;
    const v = verifier();
    const code = await authorize({ clientId, scope: "repo,read:user", verifier: v });
    const wrong = await tokenRequest({ client_id: clientId, client_secret: clientSecret, code, redirect_uri: CALLBACK, code_verifier: verifier() });
    expect(wrong.status).toBe(200);
    expect(wrong.body).toMatchObject({ error: "bad_verification_code", error_description: "The code passed is incorrect or expired." });
    const granted = await tokenRequest({ client_id: clientId, client_secret: clientSecret, code, redirect_uri: CALLBACK, code_verifier: v });
    expect(granted.body).toEqual({ access_token: expect.stringMatching(/^gho_[A-Za-z0-9]{36}$/), token_type: "bearer", scope: "repo,read:user" });
    const token = granted.body.access_token as string;
    expect((await tokenRequest({ client_id: clientId, client_secret: clientSecret, code, code_verifier: v })).body.error).toBe("bad_verification_code");

    const user = await api("/user", token);
    expect(user.status).toBe(200);
    expect(user.body.login).toBe("octocat");
    expect(user.headers.get("x-oauth-scopes")).toBe("repo, read:user");
    expect(await git(["ls-remote", `${emulator.url}/acme/secret.git`, "refs/heads/main"], token)).toMatch(/^[0-9a-f]{40}\trefs\/heads\/main/);

    const wrongSecret = await api(`/applications/${clientId}/token`, undefined, { method: "DELETE", headers: { authorization: basicAuth(clientId, "wrong"), "content-type": "application/json" }, body: JSON.stringify({ access_token: token }) });
    expect(wrongSecret.status).toBe(401);
    expectSchema(wrongSecret.body, "basic-error");
    const revoked = await api(`/applications/${clientId}/token`, undefined, { method: "DELETE", headers: { authorization: basicAuth(clientId, clientSecret), "content-type": "application/json" }, body: JSON.stringify({ access_token: token }) });
    expect(revoked.status).toBe(204);
    expect((await api("/user", token)).status).toBe(401);
    expect(await gitFailure(git(["ls-remote", `${emulator.url}/acme/secret.git`], token))).toMatch(/could not read Username|Authentication failed|401/);
    const again = await api(`/applications/${clientId}/token`, undefined, { method: "DELETE", headers: { authorization: basicAuth(clientId, clientSecret), "content-type": "application/json" }, body: JSON.stringify({ access_token: token }) });
    expect(again.status).toBe(404);
    expectSchema(again.body, "basic-error");
  });

  it("answers form-encoded unless JSON is asked for, and GitHub's errors with HTTP 200", async () => {
    const { clientId, clientSecret } = world.oauthApps.oauthApp;
    const code = await authorize({ clientId, scope: "read:user" });
    const form = await tokenRequest({ client_id: clientId, client_secret: clientSecret, code }, "*/*");
    expect(form.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(form.text).toMatch(/^access_token=gho_[A-Za-z0-9]{36}&scope=read%3Auser&token_type=bearer$/);

    const credentials = await tokenRequest({ client_id: clientId, client_secret: "wrong", code: "x" });
    expect([credentials.status, credentials.body.error]).toEqual([200, "incorrect_client_credentials"]);
    expect(credentials.body.error_uri).toMatch(/^https:\/\/docs\.github\.com\//);
    const mismatch = await tokenRequest({ client_id: clientId, client_secret: clientSecret, code: await authorize({ clientId }), redirect_uri: "http://127.0.0.1:9/elsewhere" });
    expect(mismatch.body.error).toBe("redirect_uri_mismatch");
    expect((await tokenRequest({ client_id: clientId, client_secret: clientSecret, grant_type: "password" })).body.error).toBe("unsupported_grant_type");
    expect((await tokenRequest({ client_id: clientId, client_secret: clientSecret, grant_type: "refresh_token", refresh_token: "ghr_nope" })).body.error).toBe("bad_refresh_token");
  });
});

describe("GitHub OAuth: a GitHub App", () => {
  const app = () => world.oauthApps.githubApp;

  it("ghu_/ghr_ pair; no X-OAuth-Scopes; pushes by its Contents permission; refresh rotates; grant revocation", async () => {
    const v = verifier();
    const code = await authorize({ clientId: app().clientId, scope: "repo", verifier: v });
    const first = (await tokenRequest({ client_id: app().clientId, client_secret: app().clientSecret, code, redirect_uri: CALLBACK, code_verifier: v })).body;
    expect(first).toEqual({
      access_token: expect.stringMatching(/^ghu_[A-Za-z0-9]{36}$/),
      expires_in: 28800,
      refresh_token: expect.stringMatching(/^ghr_[A-Za-z0-9]{76}$/),
      refresh_token_expires_in: 15897600,
      scope: "",
      token_type: "bearer",
    });
    const user = await api("/user", first.access_token);
    expect(user.status).toBe(200);
    expect(user.headers.get("x-oauth-scopes")).toBeNull();

    const dir = path.join(work, "app-push");
    await git(["clone", "-q", `${emulator.url}/acme/models.git`, dir], first.access_token);
    fs.writeFileSync(path.join(dir, "app.txt"), "from the app\n");
    await git(["add", "app.txt"], undefined, dir);
    await git(["commit", "-q", "-m", "App push"], undefined, dir);
    await git(["push", "-q", "origin", "HEAD:refs/heads/app-branch"], first.access_token, dir);

    const refresh = (refreshToken: string) => tokenRequest({ client_id: app().clientId, client_secret: app().clientSecret, grant_type: "refresh_token", refresh_token: refreshToken });
    const second = (await refresh(first.refresh_token)).body;
    expect(second).toMatchObject({ access_token: expect.stringMatching(/^ghu_/), refresh_token: expect.stringMatching(/^ghr_/), expires_in: 28800 });
    expect((await refresh(first.refresh_token)).body).toMatchObject({ error: "bad_refresh_token", error_description: "The refresh token passed is incorrect or expired." });
    // "Once you use a refresh token, that refresh token and the old user access token will no longer work."
    expect((await api("/user", first.access_token)).status).toBe(401);
    expect((await api("/user", second.access_token)).status).toBe(200);
    expect(await git(["ls-remote", `${emulator.url}/acme/models.git`, "refs/heads/app-branch"], second.access_token)).toMatch(/refs\/heads\/app-branch/);

    const grant = await api(`/applications/${app().clientId}/grant`, undefined, { method: "DELETE", headers: { authorization: basicAuth(app().clientId, app().clientSecret), "content-type": "application/json" }, body: JSON.stringify({ access_token: second.access_token }) });
    expect(grant.status).toBe(204);
    expect((await api("/user", second.access_token)).status).toBe(401);
    expect((await refresh(second.refresh_token)).body.error).toBe("bad_refresh_token");
  });

  it("test controls: expire access tokens, revoke refresh tokens, read the log", async () => {
    const before = (await (await fetch(`${emulator.url}/_emulator/oauth-log`)).json()) as { tokenRequests: { grantType: string; ok: boolean }[] };
    const v = verifier();
    const pair = (await tokenRequest({ client_id: app().clientId, client_secret: app().clientSecret, code: await authorize({ clientId: app().clientId, verifier: v }), code_verifier: v })).body;
    const control = (action: string) => fetch(`${emulator.url}/_emulator/${action}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ login: "octocat" }) });
    expect((await control("expire-access-tokens")).status).toBe(200);
    expect((await api("/user", pair.access_token)).status).toBe(401);
    expect((await api("/user", world.tokens.admin)).status).toBe(200);
    const renewed = (await tokenRequest({ client_id: app().clientId, client_secret: app().clientSecret, grant_type: "refresh_token", refresh_token: pair.refresh_token })).body;
    expect((await api("/user", renewed.access_token)).status).toBe(200);
    expect((await control("revoke-refresh-tokens")).status).toBe(200);
    expect((await tokenRequest({ client_id: app().clientId, client_secret: app().clientSecret, grant_type: "refresh_token", refresh_token: renewed.refresh_token })).body.error).toBe("bad_refresh_token");
    expect((await fetch(`${emulator.url}/_emulator/expire-access-tokens`, { method: "POST", body: JSON.stringify({ login: "nobody" }), headers: { "content-type": "application/json" } })).status).toBe(404);

    const log = (await (await fetch(`${emulator.url}/_emulator/oauth-log`)).json()) as { tokenRequests: { grantType: string; clientId: string; ok: boolean; at: string }[]; revocations: unknown[] };
    const mine = log.tokenRequests.slice(before.tokenRequests.length);
    expect(mine.map((r) => [r.grantType, r.clientId, r.ok])).toEqual([
      ["authorization_code", app().clientId, true],
      ["refresh_token", app().clientId, true],
      ["refresh_token", app().clientId, false],
    ]);
    expect(new Date(mine[0]!.at).getTime()).toBeGreaterThan(0);
    expect(log.revocations.length).toBeGreaterThan(0);
  });
});

describe("GET /user/repos", () => {
  const documented = (body: unknown) => {
    for (const d of descriptions) expect(d.checkResponse("/user/repos", "get", 200, body), d.name).toBeNull();
  };

  it("lists what the token's account reaches, private ones only when the token covers them", async () => {
    const all = await api("/user/repos", world.tokens.admin);
    expect(all.status).toBe(200);
    documented(all.body);
    expect(all.body.map((r: any) => r.full_name)).toEqual(["acme/models", "acme/secret", "octocat/datasets", "octocat/notebooks"]);
    expect(all.body[0].permissions).toMatchObject({ admin: true, push: true });
    const publicOnly = await api("/user/repos", world.tokens.publicOnly);
    documented(publicOnly.body);
    expect(publicOnly.body.map((r: any) => r.full_name)).toEqual(["acme/models", "octocat/datasets", "octocat/notebooks"]);
    const reader = await api("/user/repos?affiliation=collaborator", world.tokens.readOnly);
    expect(reader.body.map((r: any) => [r.full_name, r.permissions.push])).toEqual([["acme/models", false], ["acme/secret", false]]);
    expect((await api("/user/repos?visibility=private", world.tokens.admin)).body.map((r: any) => r.full_name)).toEqual(["acme/secret"]);
    expect((await api("/user/repos?affiliation=owner&sort=full_name&direction=desc", world.tokens.admin)).body.map((r: any) => r.full_name)).toEqual(["octocat/notebooks", "octocat/datasets"]);
  });

  it("paginates with a Link header; 401 without a token; 422 for type with visibility", async () => {
    const first = await api("/user/repos?per_page=3", world.tokens.admin);
    expect(first.body).toHaveLength(3);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "")?.[1];
    expect(next).toBe(`${emulator.apiRoot}/user/repos?per_page=3&page=2`);
    const second = await fetch(next!, { headers: { authorization: `Bearer ${world.tokens.admin}` } });
    expect(((await second.json()) as unknown[]).length).toBe(1);
    expect(second.headers.get("link")).toMatch(/rel="prev".*rel="first"/);
    const anonymous = await api("/user/repos");
    expect(anonymous.status).toBe(401);
    for (const d of descriptions) expect(d.checkResponse("/user/repos", "get", 401, anonymous.body)).toBeNull();
    const invalid = await api("/user/repos?type=owner&visibility=all", world.tokens.admin);
    expect(invalid.status).toBe(422);
    for (const d of descriptions) expect(d.checkResponse("/user/repos", "get", 422, invalid.body)).toBeNull();
  });
});

describe("a protected branch", () => {
  it("refuses a push with GitHub's GH006 words; the branch listing says protected", async () => {
    const dir = path.join(work, "protected");
    await git(["clone", "-q", "--branch", "protected", `${emulator.url}/acme/models.git`, dir], world.tokens.admin);
    fs.writeFileSync(path.join(dir, "direct.txt"), "straight to a protected branch\n");
    await git(["add", "direct.txt"], undefined, dir);
    await git(["commit", "-q", "-m", "Direct push"], undefined, dir);
    const stderr = await gitFailure(git(["push", "origin", "HEAD:refs/heads/protected"], world.tokens.admin, dir));
    expect(stderr).toContain("remote: error: GH006: Protected branch update failed for refs/heads/protected.");
    expect(stderr).toContain("remote: error: Changes must be made through a pull request.");
    expect(stderr).toMatch(/\[remote rejected\] HEAD -> protected/);
    await git(["push", "-q", "origin", "HEAD:refs/heads/unprotected"], world.tokens.admin, dir);

    const branches = await api("/repos/acme/models/branches", world.tokens.admin);
    for (const d of descriptions) expect(d.checkResponse("/repos/{owner}/{repo}/branches", "get", 200, branches.body)).toBeNull();
    expect(branches.body.find((b: any) => b.name === "protected").protected).toBe(true);
    expect(branches.body.find((b: any) => b.name === "main").protected).toBe(false);
  });
});
