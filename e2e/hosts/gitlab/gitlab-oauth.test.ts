// The GitLab emulator as an OAuth 2.0 identity provider, end to end over HTTP
// and with the real git client: the sign-in page, codes with PKCE, Doorkeeper's
// token answers and errors, refresh rotation, expiry, revocation, the
// test-only controls; plus GET /projects (checked against @gitbeaker/core's
// SimpleProjectSchema mirror) and a protected branch refusing a push.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { readForm, submitForm } from "../shared/consent-form";
import { s256Challenge } from "../shared/pkce";
import { currentUserMirror, projectMirror, simpleProjectMirror } from "./gitbeaker-mirrors";
import { seedGitLabContract, startGitLabEmulator, type GitLabContractSeed, type GitLabEmulator } from "./gitlab-emulator";

let emulator: GitLabEmulator;
let seed: GitLabContractSeed;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "gitlab-oauth-test-"));

beforeAll(async () => {
  emulator = await startGitLabEmulator();
  seed = seedGitLabContract(emulator);
}, 60_000);
afterAll(async () => {
  await emulator?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

const CALLBACK = "http://127.0.0.1:9/api/auth/callback/gitlab";
const EXPIRED = { error: "invalid_token", error_description: "Token is expired. You can either do re-authorization or token refresh." };

const env = { PATH: process.env.PATH, HOME: os.tmpdir(), GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.test", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.test" } as unknown as NodeJS.ProcessEnv;
const basic = (token: string) => `Authorization: Basic ${Buffer.from(`oauth2:${token}`).toString("base64")}`;
// Asynchronous: the emulator answers on this process's event loop.
const git = async (args: string[], token?: string, cwd?: string) => (await promisify(execFile)("git", [...(token ? ["-c", `http.extraHeader=${basic(token)}`] : []), ...args], { cwd, env, encoding: "utf8" })).stdout;
const gitFailure = async (running: Promise<unknown>) => {
  try {
    await running;
  } catch (error) {
    return String((error as { stderr?: string }).stderr);
  }
  throw new Error("expected git to fail");
};
const remote = () => `${emulator.url}/${seed.fullName}.git`;


async function openPage(params: Record<string, string>) {
  const res = await fetch(`${emulator.url}/oauth/authorize?${new URLSearchParams(params)}`, { redirect: "manual" });
  return { status: res.status, location: res.headers.get("location"), contentType: res.headers.get("content-type"), html: await res.text() };
}

const submit = (html: string, extra: Record<string, string>) => submitForm({ origin: emulator.url, html, extra });

const authorizeParams = (scope: string, verifier?: string) => ({
  client_id: seed.oauthApp.clientId,
  redirect_uri: CALLBACK,
  response_type: "code",
  state: "st4te",
  scope,
  ...(verifier ? { code_challenge: s256Challenge(verifier), code_challenge_method: "S256" } : {}),
});

async function authorize(scope: string, verifier?: string): Promise<string> {
  const page = await openPage(authorizeParams(scope, verifier));
  const done = await submit(page.html, { login: seed.username, password: seed.password, decision: "authorize" });
  expect(done.status).toBe(302);
  const back = new URL(done.location!);
  expect(back.searchParams.get("state")).toBe("st4te");
  return back.searchParams.get("code")!;
}

async function token(body: Record<string, string>) {
  const res = await fetch(`${emulator.url}/oauth/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

const exchange = (code: string, verifier?: string) =>
  token({ grant_type: "authorization_code", client_id: seed.oauthApp.clientId, client_secret: seed.oauthApp.clientSecret, code, redirect_uri: CALLBACK, ...(verifier ? { code_verifier: verifier } : {}) });
const refresh = (refreshToken: string) => token({ grant_type: "refresh_token", client_id: seed.oauthApp.clientId, client_secret: seed.oauthApp.clientSecret, refresh_token: refreshToken, redirect_uri: CALLBACK });
const get = (route: string, accessToken?: string) => fetch(`${emulator.apiRoot}${route}`, { headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {} });
const control = (action: string) => fetch(`${emulator.url}/_emulator/${action}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ login: seed.username }) });
const verifier = () => crypto.randomBytes(32).toString("base64url");

describe("GitLab OAuth: the authorization page", () => {
  it("answers a sign-in page with GitLab's labels and the Authorize and Deny buttons", async () => {
    const page = await openPage(authorizeParams("api"));
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.html).toContain('<label for="login_field">Username or primary email</label>');
    expect(page.html).toContain('<label for="password">Password</label>');
    expect(page.html).toMatch(/<button type="submit"[^>]*>Authorize<\/button>/);
    expect(page.html).toMatch(/<button type="submit"[^>]*>Deny<\/button>/);
    expect(readForm(page.html).fields).toMatchObject({ client_id: seed.oauthApp.clientId, redirect_uri: CALLBACK, response_type: "code", scope: "api", state: "st4te" });
  });

  it("refuses an unknown client with a page, other errors back at the client, a wrong password in GitLab's words", async () => {
    const unknown = await openPage({ ...authorizeParams("api"), client_id: "nope" });
    expect([unknown.status, unknown.contentType?.startsWith("text/html")]).toEqual([401, true]);
    const badScope = await openPage(authorizeParams("sudo"));
    expect(badScope.status).toBe(302);
    expect(new URL(badScope.location!).searchParams.get("error")).toBe("invalid_scope");
    const noType = await openPage({ ...authorizeParams("api"), response_type: "token" });
    expect(new URL(noType.location!).searchParams.get("error")).toBe("unsupported_response_type");
    const page = await openPage(authorizeParams("api"));
    const wrong = await submit(page.html, { login: "alice", password: "nope", decision: "authorize" });
    expect(wrong.status).toBe(200);
    expect(wrong.html).toContain("Invalid login or password.");
  });

  it("Deny sends the browser back with access_denied", async () => {
    const page = await openPage({ ...authorizeParams("api"), state: "xyz" });
    const denied = await submit(page.html, { decision: "deny" });
    expect(denied.status).toBe(302);
    expect(denied.location).toBe(`${CALLBACK}?error=access_denied&error_description=The+resource+owner+or+authorization+server+denied+the+request.&state=xyz`);
  });
});

describe("GitLab OAuth: tokens", () => {
  it("code + PKCE -> Doorkeeper's answer; API as Bearer and git as oauth2:{token}; refresh rotates; revoke", async () => {
    const v = verifier();
    const code = await authorize("api", v);
    const missing = await exchange(code);
    expect([missing.status, missing.body]).toEqual([400, { error: "invalid_request", error_description: "Missing required parameter: code_verifier." }]);
    const wrong = await exchange(code, verifier());
    expect([wrong.status, wrong.body.error]).toEqual([400, "invalid_grant"]);
    const badClient = await token({ grant_type: "authorization_code", client_id: seed.oauthApp.clientId, client_secret: "wrong", code, redirect_uri: CALLBACK, code_verifier: v });
    expect([badClient.status, badClient.body.error]).toEqual([401, "invalid_client"]);
    expect(badClient.headers.get("www-authenticate")).toMatch(/^Bearer realm="Doorkeeper", error="invalid_client"/);
    const first = await exchange(code, v);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(first.body).toEqual({ access_token: expect.stringMatching(/^[0-9a-f]{64}$/), token_type: "Bearer", expires_in: 7200, refresh_token: expect.stringMatching(/^[0-9a-f]{64}$/), scope: "api", created_at: expect.any(Number) });
    expect(Math.abs(first.body.created_at - Date.now() / 1000)).toBeLessThan(10);
    expect((await exchange(code, v)).body.error).toBe("invalid_grant");

    expect(currentUserMirror.parse(await (await get("/user", first.body.access_token)).json())).toMatchObject({ username: "alice" });
    expect((await get("/personal_access_tokens/self", first.body.access_token)).status).toBe(400);
    expect(await git(["ls-remote", remote(), "refs/heads/main"], first.body.access_token)).toMatch(/^[0-9a-f]{40}\trefs\/heads\/main/);

    const second = await refresh(first.body.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ token_type: "Bearer", expires_in: 7200, scope: "api" });
    expect(second.body.access_token).not.toBe(first.body.access_token);
    const reused = await refresh(first.body.refresh_token);
    expect([reused.status, reused.body.error]).toEqual([400, "invalid_grant"]);
    const old = await get("/user", first.body.access_token);
    expect([old.status, ((await old.json()) as any).error_description]).toEqual([401, "Token was revoked. You have to re-authorize from the user."]);
    expect((await get("/user", second.body.access_token)).status).toBe(200);

    const revoke = (body: Record<string, string>) => fetch(`${emulator.url}/oauth/revoke`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body) });
    const foreign = await revoke({ token: second.body.access_token, client_id: seed.oauthApp.clientId, client_secret: "wrong" });
    expect([foreign.status, await foreign.json()]).toEqual([403, { error: "unauthorized_client", error_description: "You are not authorized to revoke this token" }]);
    const revoked = await revoke({ token: second.body.access_token, client_id: seed.oauthApp.clientId, client_secret: seed.oauthApp.clientSecret });
    expect([revoked.status, await revoked.json()]).toEqual([200, {}]);
    expect((await get("/user", second.body.access_token)).status).toBe(401);
    expect(await gitFailure(git(["ls-remote", remote()], second.body.access_token))).toMatch(/could not read Username|Authentication failed|401/);
    expect((await refresh(second.body.refresh_token)).body.error).toBe("invalid_grant");
  });

  it("scopes: read_user reads /user only; read_repository clones; write_repository pushes", async () => {
    const narrow = (await exchange(await authorize("read_user read_repository"))).body;
    expect(narrow.scope).toBe("read_user read_repository");
    expect((await get("/user", narrow.access_token)).status).toBe(200);
    expect((await get("/projects?membership=true", narrow.access_token)).status).toBe(403);
    const dir = path.join(work, "scoped");
    await git(["clone", "-q", remote(), dir], narrow.access_token);
    fs.writeFileSync(path.join(dir, "oauth.txt"), "pushed with an OAuth token\n");
    await git(["add", "oauth.txt"], undefined, dir);
    await git(["commit", "-q", "-m", "OAuth push"], undefined, dir);
    expect(await gitFailure(git(["push", "-q", "origin", "HEAD:refs/heads/oauth"], narrow.access_token, dir))).toMatch(/could not read Username|Authentication failed|401/);
    const writer = (await exchange(await authorize("write_repository"))).body;
    await git(["push", "-q", "origin", "HEAD:refs/heads/oauth"], writer.access_token, dir);
    expect(await git(["ls-remote", remote(), "refs/heads/oauth"], writer.access_token)).toMatch(/refs\/heads\/oauth/);
  });

  it("test controls: expired access tokens answer GitLab's words (API) and 401 (git); refresh still works until revoked; the log", async () => {
    const before = ((await (await fetch(`${emulator.url}/_emulator/oauth-log`)).json()) as any).tokenRequests.length as number;
    const pair = (await exchange(await authorize("api read_repository"))).body;
    expect((await control("expire-access-tokens")).status).toBe(200);
    const expired = await get("/user", pair.access_token);
    expect([expired.status, await expired.json()]).toEqual([401, EXPIRED]);
    expect(await gitFailure(git(["ls-remote", remote()], pair.access_token))).toMatch(/could not read Username|Authentication failed|401/);
    expect((await get("/user", seed.tokens.admin)).status).toBe(200);
    const renewed = await refresh(pair.refresh_token);
    expect(renewed.status).toBe(200);
    expect((await get("/user", renewed.body.access_token)).status).toBe(200);
    expect((await control("revoke-refresh-tokens")).status).toBe(200);
    expect((await refresh(renewed.body.refresh_token)).body.error).toBe("invalid_grant");
    const log = (await (await fetch(`${emulator.url}/_emulator/oauth-log`)).json()) as { tokenRequests: { grantType: string; clientId: string; ok: boolean }[] };
    expect(log.tokenRequests.slice(before).map((r) => [r.grantType, r.ok])).toEqual([
      ["authorization_code", true],
      ["refresh_token", true],
      ["refresh_token", false],
    ]);
  });
});

describe("GET /projects", () => {
  it("membership=true&simple=true: the caller's projects in the basic representation, paginated", async () => {
    const query = "membership=true&simple=true&order_by=last_activity_at";
    const listed = await get(`/projects?${query}`, seed.tokens.admin);
    expect(listed.status).toBe(200);
    const projects = z.array(simpleProjectMirror).parse(await listed.json());
    expect(projects.map((p) => p.path_with_namespace).sort()).toEqual(["alice/sandbox", "analytics/forecast", "analytics/secret-models"]);
    expect(listed.headers.get("x-total")).toBe("3");
    const page = await get(`/projects?${query}&per_page=2`, seed.tokens.admin);
    expect(z.array(simpleProjectMirror).parse(await page.json())).toHaveLength(2);
    expect([page.headers.get("x-next-page"), page.headers.get("x-total-pages")]).toEqual(["2", "2"]);
    expect(page.headers.get("link")).toContain(`${emulator.apiRoot}/projects?membership=true&simple=true&order_by=last_activity_at&per_page=2&page=2`);
    const searched = z.array(simpleProjectMirror).parse(await (await get(`/projects?${query}&search=SAND`, seed.tokens.admin)).json());
    expect(searched.map((p) => p.path_with_namespace)).toEqual(["alice/sandbox"]);
    const outsider = z.array(simpleProjectMirror).parse(await (await get(`/projects?${query}`, seed.tokens.outsider)).json());
    expect(outsider).toEqual([]);
    const full = z.array(projectMirror).parse(await (await get("/projects?membership=true&order_by=name&sort=asc", seed.tokens.readOnly)).json());
    expect(full.map((p) => [p.path_with_namespace, p.permissions?.project_access?.access_level])).toEqual([
      ["analytics/forecast", 20],
      ["analytics/secret-models", 20],
    ]);
  });
});

describe("a protected branch", () => {
  it("refuses a Maintainer's push in GitLab's words", async () => {
    const dir = path.join(work, "protected");
    await git(["clone", "-q", "--branch", seed.protectedBranch, remote(), dir], seed.tokens.admin);
    fs.writeFileSync(path.join(dir, "direct.txt"), "straight to a protected branch\n");
    await git(["add", "direct.txt"], undefined, dir);
    await git(["commit", "-q", "-m", "Direct push"], undefined, dir);
    const stderr = await gitFailure(git(["push", "origin", `HEAD:refs/heads/${seed.protectedBranch}`], seed.tokens.admin, dir));
    expect(stderr).toContain("remote: GitLab: You are not allowed to push code to protected branches on this project.");
    expect(stderr).toContain("(pre-receive hook declined)");
    await git(["push", "-q", "origin", "HEAD:refs/heads/elsewhere"], seed.tokens.admin, dir);
  });
});
