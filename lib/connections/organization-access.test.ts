// A GitHub connection made by authorizing Benchtop's app, against the GitHub
// emulator's organization access rules (e2e/hosts/github/org-access-*.ts):
// the Repository autocomplete's listing names the organizations that keep the
// app out with GitHub's page to ask on, and shows their repositories once they
// let it in, asked afresh each time; Test says the same with accessRequest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubEmulator, type GitHubEmulator } from "@/e2e/hosts/github/github-emulator";
import { seedGitHubAccessWorld, type GitHubAccessWorld } from "@/e2e/hosts/github/org-access-seed";
import { consent } from "@/e2e/hosts/shared/consent-form";
import type { User } from "../db";
import { replaceOAuthApps } from "../oauth-apps";
import { testConnection } from "../repositories/test-connection";
import { createUser } from "../users/create-user";
import { listConnectionRepositories } from "./list-connection-repositories";
import { completeAuthorization } from "./oauth/complete-authorization";
import { startAuthorization } from "./oauth/start-authorization";

const ORIGIN = "http://localhost:3999";
let github: GitHubEmulator;
let world: GitHubAccessWorld;
let admin: User;
let host: string;
let counter = 0;

/** What the add-repository form sends for Test: no token of its own, so the connection is used. */
const input = (repo: string) => ({ provider: "github-enterprise" as const, name: repo.split("/")[1]!, location: `${github.url}/${repo}`, token: undefined, description: "" });
const newUser = () => createUser({ input: { email: `org-access${++counter}-${Date.now()}@example.test`, name: "Org Access", password: "password1", role: "user" } });

beforeAll(async () => {
  github = await startGitHubEmulator();
  world = seedGitHubAccessWorld(github);
  host = new URL(github.url).host;
  process.env.BENCHTOP_INSECURE_HOSTS = host;
  admin = await createUser({ input: { email: `org-access-admin-${Date.now()}@example.test`, name: "Admin", password: "password1", role: "admin" } });
}, 60_000);
afterAll(async () => github?.stop());

/** Registers `app` as Benchtop's app for the emulator's host, then authorizes it as dana. */
async function connectWith(kind: "oauth-app" | "github-app") {
  const credentials = kind === "oauth-app" ? world.oauthApp : { clientId: world.githubApp.clientId, clientSecret: world.githubApp.clientSecret };
  replaceOAuthApps({ actor: admin, apps: [{ provider: "github-enterprise", host, kind, ...credentials }] });
  const user = await newUser();
  const authorizeUrl = await startAuthorization({ user, provider: "github-enterprise", host, origin: ORIGIN, returnTo: "/repositories" });
  const callback = await consent({ authorizeUrl, login: world.user.login, password: world.user.password });
  const { connection } = await completeAuthorization({ user, provider: "github-enterprise", callback, origin: ORIGIN });
  return { user, connection };
}

async function control(action: string, body: unknown) {
  const response = await fetch(`${github.url}/_emulator/${action}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
}

const names = (listing: { repositories: { fullName: string }[] }) => listing.repositories.map((r) => r.fullName);

describe("a GitHub OAuth App connection and an organization's OAuth App access restrictions", () => {
  it("names the restricting organization with the authorized app's page; its repositories appear once it approves, without connecting again", async () => {
    const { user, connection } = await connectWith("oauth-app");
    expect(connection.scopes).toEqual(["repo", "read:user", "read:org"]);
    const requestUrl = `${github.url}/settings/connections/applications/${world.oauthApp.clientId}`;

    const before = await listConnectionRepositories({ user, id: connection.id });
    expect(names(before)).not.toContain(world.restrictedRepo);
    expect(names(before)).toContain(world.uninstalledRepo);
    expect(before.accessRequests).toEqual([{ kind: "oauth-app", organization: "guarded", url: requestUrl }]);
    expect(before.permissionsUrl).toBeNull();
    // For organizations GitHub does not show, the same page.
    expect(before.requestAccess).toEqual({ kind: "oauth-app", url: requestUrl });

    // Test of the restricted repository says so, with the same Request access.
    const tested = await testConnection(input(world.restrictedRepo), { owner: user });
    expect(tested.ok).toBe(false);
    expect(tested.message).toMatch(/^The guarded organization on 127\.0\.0\.1:\d+ restricts OAuth App access and has not approved Benchtop's app/);
    expect(tested.accessRequest).toEqual({ kind: "oauth-app", organization: "guarded", url: requestUrl });

    await control("approve-oauth-app", { org: "guarded", clientId: world.oauthApp.clientId });
    const after = await listConnectionRepositories({ user, id: connection.id });
    expect(names(after)).toContain(world.restrictedRepo);
    expect(after.accessRequests).toEqual([]);
    expect((await testConnection(input(world.restrictedRepo), { owner: user })).ok).toBe(true);
  });
});

describe("a GitHub App connection and the app's installations", () => {
  it("names the organization without an installation with the app's installation page, and offers the user's installation settings to edit repository permissions", async () => {
    const { user, connection } = await connectWith("github-app");
    const installUrl = `${github.url}/apps/${world.githubApp.slug}/installations/new`;

    const before = await listConnectionRepositories({ user, id: connection.id });
    expect(names(before)).toEqual([world.restrictedRepo]);
    expect(before.accessRequests).toEqual([{ kind: "github-app", organization: "workshop", url: installUrl }]);
    expect(before.permissionsUrl).toBe(`${github.url}/settings/installations/${world.ownInstallation}`);
    // For organizations GitHub does not show a GitHub App (private memberships), the installation page.
    expect(before.requestAccess).toEqual({ kind: "github-app", url: installUrl });

    const tested = await testConnection(input(world.uninstalledRepo), { owner: user });
    expect(tested).toMatchObject({ ok: false, accessRequest: { kind: "github-app", organization: "workshop", url: installUrl } });
    expect(tested.message).toMatch(/^Benchtop's GitHub App is not installed on workshop/);

    // On GitHub the user gives the app all of their repositories; the owners of workshop install it.
    const saved = await fetch(before.permissionsUrl!, { method: "POST", body: new URLSearchParams({ repository_selection: "all" }), redirect: "manual" });
    expect(saved.status).toBe(303);
    await control("install-github-app", { clientId: world.githubApp.clientId, account: "workshop" });
    const after = await listConnectionRepositories({ user, id: connection.id });
    expect(names(after).sort()).toEqual([world.ownRepo, world.restrictedRepo, world.uninstalledRepo].sort());
    expect(after.accessRequests).toEqual([]);
  });
});
