// GitHub's organization access rules in the emulator, driven with GitHub's own
// client (@octokit/rest) and checked against GitHub's OpenAPI descriptions:
// an organization's OAuth App access restrictions (403 in GitHub's exact words
// until an owner approves the app), a GitHub App's installations (403
// "Resource not accessible by integration" where none covers a repository),
// the pages users are sent to, and the real git command line.
import { Octokit } from "@octokit/rest";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cloneAndPush } from "../shared/git-client";
import { type GitHubEmulator, startGitHubEmulator } from "./github-emulator";
import { oauthRestrictionMessage } from "./org-access-bodies";
import { type GitHubAccessWorld, seedGitHubAccessWorld } from "./org-access-seed";
import { loadOpenApiValidator, type OpenApiValidator } from "./openapi-validator";

let emulator: GitHubEmulator;
let world: GitHubAccessWorld;
let descriptions: OpenApiValidator[];

beforeAll(() => {
  descriptions = [loadOpenApiValidator("ghes-3.19"), loadOpenApiValidator("api.github.com")];
});
// Approvals and installations change the world: each test has its own.
beforeEach(async () => {
  emulator = await startGitHubEmulator();
  world = seedGitHubAccessWorld(emulator);
}, 60_000);
afterEach(async () => emulator?.stop());

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const client = (token: string) => new Octokit({ baseUrl: emulator.apiRoot, auth: token, request: { retries: 0 }, log: quiet });
const refusal = (call: Promise<unknown>) =>
  call.then(
    () => expect.unreachable("GitHub would refuse this"),
    (error: { status: number; response: { data: any } }) => error,
  );
const basic = (token: string) => `Basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;
const [owner, repo] = ["guarded", "forecasts"];

function expectDocumented(data: unknown, operation: [path: string, method: string, status: number], schema?: string) {
  for (const d of descriptions) {
    expect(d.checkResponse(...operation, data), `${d.name}: ${operation.join(" ")}`).toBeNull();
    if (schema) expect(d.checkSchema(schema, data), `${d.name}: ${schema}`).toBeNull();
  }
}

async function control(action: string, body: unknown) {
  const response = await fetch(`${emulator.url}/_emulator/${action}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

describe("OAuth App access restrictions", () => {
  it("refuse an unapproved OAuth App's token with GitHub's words until an owner approves it; public repositories stay readable", async () => {
    const octokit = client(world.tokens.oauthApp);
    const refused = await refusal(octokit.rest.repos.get({ owner, repo }));
    expect(refused.status).toBe(403);
    expectDocumented(refused.response.data, ["/repos/{owner}/{repo}", "get", 403], "basic-error");
    expect(refused.response.data.message).toBe(oauthRestrictionMessage("guarded"));
    expect(refused.response.data.message).toMatch(/^Although you appear to have the correct authorization credentials, the `guarded` organization has enabled OAuth App access restrictions, meaning that data access to third-parties is limited\./);
    const listing = await refusal(octokit.rest.repos.listForOrg({ org: owner }));
    expect(listing.status).toBe(403);
    for (const d of descriptions) expect(d.checkSchema("basic-error", listing.response.data)).toBeNull();
    expect((await octokit.rest.repos.get({ owner, repo: "handbook" })).status).toBe(200);

    // GET /user/repos leaves the private repository out without a word, as GitHub does.
    const mine = await octokit.rest.repos.listForAuthenticatedUser({ per_page: 100 });
    expect(mine.data.map((r) => r.full_name)).not.toContain(world.restrictedRepo);
    expect(mine.data.map((r) => r.full_name)).toContain(world.uninstalledRepo);

    // Git hears the same refusal.
    const git = await cloneAndPush({ url: `${emulator.url}/${world.restrictedRepo}.git`, authorization: basic(world.tokens.oauthApp) });
    expect(git.clone.code).not.toBe(0);
    expect(git.clone.stderr).toMatch(/403/);

    await control("approve-oauth-app", { org: owner, clientId: world.oauthApp.clientId });
    const approved = await octokit.rest.repos.get({ owner, repo });
    expectDocumented(approved.data, ["/repos/{owner}/{repo}", "get", 200], "full-repository");
    expect(approved.data.permissions).toMatchObject({ push: true });
    const orgRepos = await octokit.rest.repos.listForOrg({ org: owner });
    expectDocumented(orgRepos.data, ["/orgs/{org}/repos", "get", 200]);
    expect(orgRepos.data.map((r) => r.full_name).sort()).toEqual([world.restrictedRepo, world.publicRepo]);
    expect((await octokit.rest.repos.listForAuthenticatedUser({ per_page: 100 })).data.map((r) => r.full_name)).toContain(world.restrictedRepo);
    const pushed = await cloneAndPush({ url: `${emulator.url}/${world.restrictedRepo}.git`, authorization: basic(world.tokens.oauthApp) });
    expect(pushed).toMatchObject({ clone: { code: 0 }, push: { code: 0 } });
  });

  it("do not touch personal access tokens", async () => {
    const octokit = client(world.tokens.personal);
    expect((await octokit.rest.repos.get({ owner, repo })).data.full_name).toBe(world.restrictedRepo);
    expect((await octokit.rest.repos.listForOrg({ org: owner })).status).toBe(200);
  });

  it("GET /user/orgs lists the user's organizations for read:org, refuses a token without it, and gives a fine-grained token none", async () => {
    const orgs = await client(world.tokens.oauthApp).rest.orgs.listForAuthenticatedUser();
    expectDocumented(orgs.data, ["/user/orgs", "get", 200]);
    expect(orgs.data.map((o) => o.login)).toEqual(["guarded", "workshop"]);
    const narrow = emulator.seed.addToken({ login: world.user.login, scopes: ["repo", "read:user"] });
    const refused = await refusal(client(narrow).rest.orgs.listForAuthenticatedUser());
    expect(refused.status).toBe(403);
    expectDocumented(refused.response.data, ["/user/orgs", "get", 403], "basic-error");
    const fineGrained = emulator.seed.addToken({ login: world.user.login, scopes: null });
    expect((await client(fineGrained).rest.orgs.listForAuthenticatedUser()).data).toEqual([]);
    // A GitHub App's token: only where the app is installed.
    expect((await client(world.tokens.githubApp).rest.orgs.listForAuthenticatedUser()).data.map((o) => o.login)).toEqual(["guarded"]);
  });

  it("GET /users/{username}/orgs lists the public memberships only, to any caller", async () => {
    const { data } = await client(world.tokens.githubApp).rest.orgs.listForUser({ username: world.user.login });
    expectDocumented(data, ["/users/{username}/orgs", "get", 200]);
    expect(data.map((o) => o.login)).toEqual(["workshop"]);
    expect((await refusal(client(world.tokens.githubApp).rest.orgs.listForUser({ username: "nobody-here" }))).status).toBe(404);
  });

  it("the authorized app's page offers Request access beside the restricting organization; a request waits for an owner", async () => {
    const pageUrl = `${emulator.url}/settings/connections/applications/${world.oauthApp.clientId}`;
    const before = await (await fetch(pageUrl)).text();
    expect(before).toContain("<h1>Benchtop Guarded</h1>");
    expect(before).toMatch(/guarded: <form method="post"><input type="hidden" name="org" value="guarded"><button type="submit">Request access<\/button>/);
    const posted = await fetch(pageUrl, { method: "POST", body: new URLSearchParams({ org: "guarded" }), redirect: "manual" });
    expect(posted.status).toBe(303);
    expect(await (await fetch(pageUrl)).text()).toContain("guarded: Access requested");
    expect(await (await fetch(`${emulator.url}/_emulator/access-requests`)).json()).toEqual({ oauthApps: [{ org: "guarded", clientId: world.oauthApp.clientId }], installations: [] });
    // Still refused: only an owner's approval lets the app in.
    expect((await refusal(client(world.tokens.oauthApp).rest.repos.get({ owner, repo }))).status).toBe(403);
    await control("approve-oauth-app", { org: owner, clientId: world.oauthApp.clientId });
    expect(await (await fetch(pageUrl)).text()).toContain("guarded: Access granted");
  });
});

describe("GitHub App installations", () => {
  it("refuse a GitHub App's token where no installation covers the repository, until one does", async () => {
    const octokit = client(world.tokens.githubApp);
    const refused = await refusal(octokit.rest.repos.get({ owner: "workshop", repo: "pipelines" }));
    expect(refused.status).toBe(403);
    expectDocumented(refused.response.data, ["/repos/{owner}/{repo}", "get", 403], "basic-error");
    expect(refused.response.data.message).toBe("Resource not accessible by integration");
    expect((await refusal(octokit.rest.repos.listForOrg({ org: "workshop" }))).status).toBe(403);
    // Installed on guarded for all repositories: OAuth App restrictions do not apply to GitHub Apps.
    expect((await octokit.rest.repos.get({ owner, repo })).status).toBe(200);
    expect((await octokit.rest.repos.listForAuthenticatedUser()).data.map((r) => r.full_name)).toEqual([world.restrictedRepo]);

    await control("install-github-app", { clientId: world.githubApp.clientId, account: "workshop" });
    expect((await octokit.rest.repos.get({ owner: "workshop", repo: "pipelines" })).status).toBe(200);
    const pushed = await cloneAndPush({ url: `${emulator.url}/${world.uninstalledRepo}.git`, authorization: basic(world.tokens.githubApp) });
    expect(pushed).toMatchObject({ clone: { code: 0 }, push: { code: 0 } });
  });

  it("GET /user/installations lists the app's installations the user reaches, with the app's slug and their settings pages; other tokens are refused", async () => {
    const { data } = await client(world.tokens.githubApp).rest.apps.listInstallationsForAuthenticatedUser();
    expectDocumented(data, ["/user/installations", "get", 200]);
    expect(data.installations.map((i) => [i.account && "login" in i.account ? i.account.login : null, i.target_type, i.repository_selection, i.app_slug])).toEqual([
      ["guarded", "Organization", "all", "benchtop-workbench"],
      ["dana", "User", "selected", "benchtop-workbench"],
    ]);
    expect(data.installations[1]!.html_url).toBe(`${emulator.url}/settings/installations/${world.ownInstallation}`);
    expect(data.installations[0]!.html_url).toMatch(new RegExp(`^${emulator.url}/organizations/guarded/settings/installations/\\d+$`));
    const refused = await refusal(client(world.tokens.oauthApp).rest.apps.listInstallationsForAuthenticatedUser());
    expect(refused.status).toBe(403);
    expectDocumented(refused.response.data, ["/user/installations", "get", 403], "basic-error");
  });

  it("the installation's settings page gives the app the user's repositories; the installation page takes a member's request", async () => {
    const octokit = client(world.tokens.githubApp);
    expect((await refusal(octokit.rest.repos.get({ owner: "dana", repo: "notes" }))).status).toBe(403);
    const settings = `${emulator.url}/settings/installations/${world.ownInstallation}`;
    expect(await (await fetch(settings)).text()).toContain('value="dana/notes"');
    const saved = await fetch(settings, { method: "POST", body: new URLSearchParams({ repository_selection: "all" }), redirect: "manual" });
    expect(saved.status).toBe(303);
    expect((await octokit.rest.repos.get({ owner: "dana", repo: "notes" })).status).toBe(200);

    const install = `${emulator.url}/apps/${world.githubApp.slug}/installations/new`;
    const page = await (await fetch(install)).text();
    expect(page).toContain("guarded: Installed");
    expect(page).toMatch(/workshop: <form method="post"><input type="hidden" name="account" value="workshop"><button type="submit">Request<\/button>/);
    await fetch(install, { method: "POST", body: new URLSearchParams({ account: "workshop" }), redirect: "manual" });
    expect(await (await fetch(install)).text()).toContain("workshop: Installation requested");
    expect((await (await fetch(`${emulator.url}/_emulator/access-requests`)).json()).installations).toEqual([{ clientId: world.githubApp.clientId, account: "workshop" }]);
  });
});
