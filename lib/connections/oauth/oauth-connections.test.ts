// OAuth connections end to end against the GitHub and GitLab emulators, over
// HTTP (the consent page is driven as a browser would): the authorization-code
// flow with state and PKCE, sealed tokens, refresh once under concurrency with
// the rotated refresh token stored, reconnect when the provider refuses, the
// repository listing, and revocation on disconnect.
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedGitHubContractWorld, type GitHubContractWorld } from "@/e2e/hosts/github/contract-seed";
import { startGitHubEmulator, type GitHubEmulator } from "@/e2e/hosts/github/github-emulator";
import { seedGitLabContract, startGitLabEmulator, type GitLabContractSeed, type GitLabEmulator } from "@/e2e/hosts/gitlab/gitlab-emulator";
import { consent } from "@/e2e/hosts/shared/consent-form";
import type { OAuthLog } from "@/e2e/hosts/shared/oauth-log";
import { getConnection, getDatabaseFile, getDb, updateConnectionTokens, type Connection, type User } from "../../db";
import { replaceOAuthApps } from "../../oauth-apps";
import { createUser } from "../../users/create-user";
import { deleteConnection } from "../delete-connection";
import { freshConnectionToken } from "../fresh-token";
import { listConnectionRepositories } from "../list-connection-repositories";
import { openConnectionToken, openRefreshToken } from "../seal";
import { completeAuthorization } from "./complete-authorization";
import { startAuthorization } from "./start-authorization";

const ORIGIN = "http://localhost:3999";
let github: GitHubEmulator;
let world: GitHubContractWorld;
let gitlab: GitLabEmulator;
let seed: GitLabContractSeed;
let admin: User;
let counter = 0;

const hostOf = (url: string) => new URL(url).host;
const newUser = () => createUser({ input: { email: `oauth${++counter}-${Date.now()}@example.test`, name: "OAuth", password: "password1", role: "user" } });

beforeAll(async () => {
  github = await startGitHubEmulator();
  world = seedGitHubContractWorld(github);
  gitlab = await startGitLabEmulator();
  seed = seedGitLabContract(gitlab);
  process.env.BENCHTOP_INSECURE_HOSTS = [hostOf(github.url), hostOf(gitlab.url)].join(",");
  admin = await createUser({ input: { email: `oauth-admin-${Date.now()}@example.test`, name: "Admin", password: "password1", role: "admin" } });
  replaceOAuthApps({
    actor: admin,
    apps: [
      { provider: "github-enterprise", host: hostOf(github.url), kind: "github-app", ...world.oauthApps.githubApp },
      { provider: "gitlab-self-managed", host: hostOf(gitlab.url), kind: "oauth-app", ...seed.oauthApp },
    ],
  });
}, 60_000);
afterAll(async () => {
  await github?.stop();
  await gitlab?.stop();
});

type Provider = "github-enterprise" | "gitlab-self-managed";
const emulatorOf = (provider: Provider) => (provider === "github-enterprise" ? github : gitlab);
const signInOf = (provider: Provider) => (provider === "github-enterprise" ? { login: "octocat", password: world.password } : { login: seed.username, password: seed.password });

async function oauthLog(provider: Provider): Promise<OAuthLog> {
  return (await (await fetch(`${emulatorOf(provider).url}/_emulator/oauth-log`)).json()) as OAuthLog;
}
async function control(provider: Provider, action: "expire-access-tokens" | "revoke-refresh-tokens") {
  const res = await fetch(`${emulatorOf(provider).url}/_emulator/${action}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ login: signInOf(provider).login }) });
  expect(res.status).toBe(200);
}
/** Whether the host still accepts a token (GET /user). */
async function accepted(provider: Provider, token: string): Promise<boolean> {
  const root = provider === "github-enterprise" ? github.apiRoot : gitlab.apiRoot;
  return (await fetch(`${root}/user`, { headers: { authorization: `Bearer ${token}` } })).status === 200;
}

/** Start, consent at the emulator, callback: the connection made. */
async function connect(user: User, provider: Provider, returnTo = "/repositories?add=x"): Promise<{ connection: Connection; returnTo: string }> {
  const authorizeUrl = await startAuthorization({ user, provider, host: hostOf(emulatorOf(provider).url), origin: ORIGIN, returnTo });
  const callback = await consent({ authorizeUrl, ...signInOf(provider) });
  return completeAuthorization({ user, provider, callback, origin: ORIGIN });
}

/** Two hours later, as both sides see it: the host expired the token, and the stored expiry is past. */
async function letTokenExpire(provider: Provider, connection: Connection) {
  await control(provider, "expire-access-tokens");
  getDb().run(sql`UPDATE connections SET expires_at = ${Date.now() - 1000} WHERE id = ${connection.id}`);
}

function databaseBytes(): Buffer {
  getDb().run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
  const file = getDatabaseFile();
  return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

describe("authorizing an app", () => {
  it("sends the user to the consent page with state, an S256 challenge and the scopes, and stores only the state's digest", async () => {
    const user = await newUser();
    const url = await startAuthorization({ user, provider: "gitlab-self-managed", host: hostOf(gitlab.url), origin: ORIGIN, returnTo: "/settings/connections" });
    expect(url.origin + url.pathname).toBe(`${gitlab.url}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: seed.oauthApp.clientId,
      redirect_uri: `${ORIGIN}/api/auth/connections/callback/gitlab-self-managed`,
      response_type: "code",
      code_challenge_method: "S256",
      scope: "read_user read_api write_repository",
    });
    const state = url.searchParams.get("state")!;
    expect(state.length).toBeGreaterThan(20);
    expect(databaseBytes().includes(Buffer.from(state))).toBe(false);
  });

  for (const provider of ["github-enterprise", "gitlab-self-managed"] as const) {
    it(`${provider}: stores the tokens sealed as the user's OAuth connection and returns to the page it started from`, async () => {
      const user = await newUser();
      const { connection, returnTo } = await connect(user, provider, "/repositories?add=" + provider);
      expect(returnTo).toBe(`/repositories?add=${provider}`);
      expect(connection).toMatchObject({ userId: user.id, provider, host: hostOf(emulatorOf(provider).url), login: signInOf(provider).login, method: "oauth" });
      const token = openConnectionToken(connection);
      const refresh = openRefreshToken(connection)!;
      expect(await accepted(provider, token)).toBe(true);
      // GitHub App user tokens last 8 hours, GitLab's 2.
      const hours = provider === "github-enterprise" ? 8 : 2;
      expect(connection.expiresAt!.getTime() - Date.now()).toBeGreaterThan(hours * 3600_000 - 60_000);
      expect(connection.expiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(hours * 3600_000);
      const bytes = databaseBytes();
      expect(bytes.includes(Buffer.from(token))).toBe(false);
      expect(bytes.includes(Buffer.from(refresh))).toBe(false);
    });
  }

  it("refuses a callback of another user, a state used twice, and a cancelled consent", async () => {
    const user = await newUser();
    const other = await newUser();
    const authorizeUrl = await startAuthorization({ user, provider: "gitlab-self-managed", host: hostOf(gitlab.url), origin: ORIGIN });
    const callback = await consent({ authorizeUrl, ...signInOf("gitlab-self-managed") });
    await expect(completeAuthorization({ user: other, provider: "gitlab-self-managed", callback, origin: ORIGIN })).rejects.toMatchObject({ code: "expired" });
    // The state was spent by that attempt: not even its own user can use it now.
    await expect(completeAuthorization({ user, provider: "gitlab-self-managed", callback, origin: ORIGIN })).rejects.toMatchObject({ code: "expired" });

    const cancelledAt = await startAuthorization({ user, provider: "github-enterprise", host: hostOf(github.url), origin: ORIGIN });
    const cancelled = await consent({ authorizeUrl: cancelledAt, ...signInOf("github-enterprise"), decision: "deny" });
    await expect(completeAuthorization({ user, provider: "github-enterprise", callback: cancelled, origin: ORIGIN })).rejects.toMatchObject({
      code: "denied",
      message: expect.stringContaining("cancelled"),
    });
  });

  it("lists the repositories the connected account can reach", async () => {
    const user = await newUser();
    const { connection: gh } = await connect(user, "github-enterprise");
    const { connection: gl } = await connect(user, "gitlab-self-managed");
    const githubNames = (await listConnectionRepositories({ user, id: gh.id })).repositories.map((r) => r.fullName);
    expect(githubNames).toEqual(expect.arrayContaining([world.repos.seeded, world.secondRepo]));
    const gitlabListing = await listConnectionRepositories({ user, id: gl.id, search: "sand" });
    expect(gitlabListing).toMatchObject({ accessRequests: [], permissionsUrl: null });
    const gitlabRepos = gitlabListing.repositories;
    expect(gitlabRepos.map((r) => r.fullName)).toEqual([seed.secondFullName]);
    expect(gitlabRepos[0]!.webUrl).toBe(`${gitlab.url}/${seed.secondFullName}`);
  });
});

describe("keeping tokens alive", () => {
  for (const provider of ["github-enterprise", "gitlab-self-managed"] as const) {
    it(`${provider}: renews an expired token once for ten requests at the same moment and stores the rotated refresh token`, async () => {
      const user = await newUser();
      const { connection } = await connect(user, provider);
      const oldRefresh = openRefreshToken(connection)!;
      await letTokenExpire(provider, connection);
      const before = (await oauthLog(provider)).tokenRequests.filter((r) => r.grantType === "refresh_token").length;

      const expired = getConnection({ id: connection.id })!;
      const tokens = await Promise.all(Array.from({ length: 10 }, () => freshConnectionToken(expired)));

      const refreshes = (await oauthLog(provider)).tokenRequests.filter((r) => r.grantType === "refresh_token");
      expect(refreshes.length - before).toBe(1);
      expect(refreshes.at(-1)!.ok).toBe(true);
      expect(new Set(tokens).size).toBe(1);
      expect(await accepted(provider, tokens[0]!)).toBe(true);
      const stored = getConnection({ id: connection.id })!;
      expect(openConnectionToken(stored)).toBe(tokens[0]);
      expect(openRefreshToken(stored)).not.toBe(oldRefresh);
      expect(stored.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 3600_000);
      expect(stored.refreshClaimedUntil).toBeNull();
      // A token with time left is used as it is.
      expect(await freshConnectionToken(stored)).toBe(tokens[0]);
    });
  }

  it("asks the user to reconnect when the provider refuses the refresh, and keeps asking without calling it again", async () => {
    const user = await newUser();
    const { connection } = await connect(user, "gitlab-self-managed");
    await control("gitlab-self-managed", "revoke-refresh-tokens");
    await letTokenExpire("gitlab-self-managed", connection);

    await expect(freshConnectionToken(getConnection({ id: connection.id })!)).rejects.toMatchObject({
      code: "connection_required",
      message: expect.stringMatching(/^Connect again to GitLab at .*refused to renew the token.*Work in open sessions is kept/),
    });
    const marked = getConnection({ id: connection.id })!;
    expect(marked.reconnectReason).toMatch(/refused to renew the token/);
    const calls = (await oauthLog("gitlab-self-managed")).tokenRequests.length;
    await expect(freshConnectionToken(marked)).rejects.toMatchObject({ code: "connection_required" });
    expect((await oauthLog("gitlab-self-managed")).tokenRequests.length).toBe(calls);

    // Authorizing again renews the same connection and clears the mark.
    const { connection: renewed } = await connect(user, "gitlab-self-managed");
    expect(renewed.id).toBe(connection.id);
    expect(renewed.reconnectReason).toBeNull();
    expect(await accepted("gitlab-self-managed", await freshConnectionToken(renewed))).toBe(true);
  });

  it("does not renew a token that still has more than five minutes", async () => {
    const user = await newUser();
    const { connection } = await connect(user, "github-enterprise");
    const soon = updateConnectionTokens({ id: connection.id, values: { ...connection, expiresAt: new Date(Date.now() + 10 * 60_000) } })!;
    const before = (await oauthLog("github-enterprise")).tokenRequests.length;
    expect(await freshConnectionToken(soon)).toBe(openConnectionToken(connection));
    expect((await oauthLog("github-enterprise")).tokenRequests.length).toBe(before);
  });
});

describe("disconnecting", () => {
  for (const provider of ["github-enterprise", "gitlab-self-managed"] as const) {
    it(`${provider}: revokes the authorization at the provider`, async () => {
      const user = await newUser();
      const { connection } = await connect(user, provider);
      const token = openConnectionToken(connection);
      const before = (await oauthLog(provider)).revocations.length;

      await expect(deleteConnection({ id: connection.id, user })).resolves.toEqual({ revoked: true });

      const revocations = (await oauthLog(provider)).revocations;
      expect(revocations.length - before).toBe(1);
      expect(revocations.at(-1)!.ok).toBe(true);
      expect(await accepted(provider, token)).toBe(false);
      expect(getConnection({ id: connection.id })).toBeUndefined();
    });
  }
});
