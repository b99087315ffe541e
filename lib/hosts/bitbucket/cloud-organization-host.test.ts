// The Bitbucket Cloud side of the external backend against the Bitbucket Cloud
// emulator: a workspace owner's API token (signed in with the account's email)
// creates repositories in the workspace and grants each user their own
// permission by account UUID; "archive" keeps the repository and withdraws them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BitbucketCloudEmulator, startBitbucketCloudEmulator } from "../../../e2e/hosts/bitbucket/bitbucket-cloud-emulator";
import { type BitbucketCloudWorkspaceWorld, seedCloudWorkspaceWorld } from "../../../e2e/hosts/bitbucket/org-seed";
import { cloneAndPush } from "../../../e2e/hosts/shared/git-client";
import { ARCHIVED_MARK, createBitbucketCloudOrganizationHost } from "./cloud-organization-host";

let emulator: BitbucketCloudEmulator;
let world: BitbucketCloudWorkspaceWorld;
type Who = BitbucketCloudWorkspaceWorld["service"];
const hostAs = (who: Who, username = who.email) => createBitbucketCloudOrganizationHost({ apiRoot: emulator.apiRoot, organization: world.workspace, username, token: who.token, fetch: globalThis.fetch });
const accountOf = (who: Who) => ({ login: who.nickname, id: who.uuid });
const basic = (user: string, token: string) => `Basic ${Buffer.from(`${user}:${token}`).toString("base64")}`;

beforeAll(async () => {
  emulator = await startBitbucketCloudEmulator();
  world = seedCloudWorkspaceWorld(emulator);
  emulator.seedToken({ token: "bbc-svc-scoped", user: "svc-benchtop", scopes: ["read:user:bitbucket", "read:workspace:bitbucket", "admin:repository:bitbucket"] });
}, 60_000);
afterAll(() => emulator?.stop());

describe("Bitbucket Cloud organization host", () => {
  it("knows whose token it is, its scopes, and who owns the workspace", async () => {
    const host = hostAs(world.service);
    expect(await host.getServiceAccount()).toEqual({ login: world.service.email, scopes: null });
    expect(await hostAs(world.service, "svc-benchtop").getServiceAccount()).toMatchObject({ login: "svc-benchtop" });
    expect(await host.getAdministration({ username: world.service.email })).toEqual({ isMember: true, isAdmin: true, role: "owner" });
    expect(await host.getAdministration({ username: "alice" })).toEqual({ isMember: true, isAdmin: false, role: "member" });
    expect(await host.getAdministration({ username: "bob" })).toEqual({ isMember: false, isAdmin: false, role: null });
    expect(await hostAs(world.alice).getAdministration({ username: world.alice.email })).toEqual({ isMember: true, isAdmin: false, role: "member" });
    // A collaborator may not list the workspace's members: not a member for the backend.
    expect(await hostAs(world.guest).getAdministration({ username: world.guest.email })).toEqual({ isMember: false, isAdmin: false, role: null });
    await expect(hostAs(world.service, "someone-else@example.test").getServiceAccount()).rejects.toMatchObject({ code: "bad_credentials", message: expect.stringMatching(/Atlassian email/) });
  });

  it("names the scopes a token lacks, in the token's own vocabulary", async () => {
    const scoped = createBitbucketCloudOrganizationHost({ apiRoot: emulator.apiRoot, organization: "labs", username: world.service.email, token: "bbc-svc-scoped", fetch: globalThis.fetch });
    const { scopes } = await scoped.getServiceAccount();
    expect(scopes).toEqual(["read:user:bitbucket", "read:workspace:bitbucket", "admin:repository:bitbucket"]);
    expect(scoped.missingScopes({ scopes, onDelete: "archive" })).toEqual(["write:repository:bitbucket"]);
    expect(scoped.missingScopes({ scopes, onDelete: "delete" })).toEqual(["write:repository:bitbucket", "delete:repository:bitbucket"]);
    expect(scoped.missingScopes({ scopes: ["repository:admin", "repository:write"], onDelete: "delete" })).toEqual(["account", "repository:delete"]);
    expect(scoped.missingScopes({ scopes: null, onDelete: "delete" })).toEqual([]);
  });

  it("creates an empty private repository, grants and revokes access by account UUID, and deletes it", async () => {
    const host = hostAs(world.service);
    const created = await host.createRepository({ name: "alice-k3v9", description: "A project" });
    expect(created).toEqual({ fullName: "labs/alice-k3v9", gitUrl: `${emulator.url}/labs/alice-k3v9.git`, webUrl: `${emulator.url}/labs/alice-k3v9` });
    expect(emulator.inspect.refs("labs/alice-k3v9")).toEqual({});
    await expect(host.createRepository({ name: "alice-k3v9", description: "" })).rejects.toThrow(/already exists/);
    expect((await host.findRepository({ name: "alice-k3v9" }))?.gitUrl).toBe(created.gitUrl);
    expect(await host.findRepository({ name: "nothing-here" })).toBeNull();

    await host.grantAccess({ name: "alice-k3v9", account: accountOf(world.alice), access: "write" });
    await host.grantAccess({ name: "alice-k3v9", account: { login: "bob", id: world.bob.accountId }, access: "read" });
    expect(emulator.inspect.repoPermissions("labs/alice-k3v9")).toEqual({ alice: "write", bob: "read" });
    const pushed = await cloneAndPush({ url: created.gitUrl, authorization: basic("alice", world.alice.token) });
    expect(pushed.push.code, pushed.push.stderr).toBe(0);
    expect(emulator.inspect.refs("labs/alice-k3v9")["refs/heads/main"]).toBe(pushed.commit);

    await host.revokeAccess({ name: "alice-k3v9", account: accountOf(world.bob) });
    await host.revokeAccess({ name: "alice-k3v9", account: accountOf(world.bob) });
    expect(emulator.inspect.repoPermissions("labs/alice-k3v9")).toEqual({ alice: "write" });
    await expect(host.grantAccess({ name: "alice-k3v9", account: { login: "bob", id: null }, access: "read" })).rejects.toThrow(/connect their Bitbucket account again/);

    await host.deleteRepository({ name: "alice-k3v9" });
    expect(emulator.inspect.isDeleted("labs/alice-k3v9")).toBe(true);
    await host.deleteRepository({ name: "alice-k3v9" });
  });

  it("archives by keeping the repository, withdrawing every user's own permission and marking its description", async () => {
    const host = hostAs(world.service);
    await host.createRepository({ name: "bob-a1b2", description: "Sales" });
    await host.grantAccess({ name: "bob-a1b2", account: accountOf(world.alice), access: "write" });
    await host.grantAccess({ name: "bob-a1b2", account: accountOf(world.bob), access: "read" });
    await host.archiveRepository({ name: "bob-a1b2" });
    expect(emulator.inspect.repoPermissions("labs/bob-a1b2")).toEqual({});
    expect(emulator.inspect.description("labs/bob-a1b2")).toBe(`${ARCHIVED_MARK} Sales`);
    expect(emulator.inspect.isDeleted("labs/bob-a1b2")).toBe(false);
    const refused = await cloneAndPush({ url: `${emulator.url}/labs/bob-a1b2.git`, authorization: basic("alice", world.alice.token) });
    expect(refused.clone.code).not.toBe(0);
    await host.archiveRepository({ name: "bob-a1b2" });
    expect(emulator.inspect.description("labs/bob-a1b2")).toBe(`${ARCHIVED_MARK} Sales`);
    // A repository that is gone is not created again by the archive's update.
    await expect(host.archiveRepository({ name: "gone-1" })).rejects.toMatchObject({ code: "not_found" });
    expect(emulator.inspect.listWorkspaceRepos("labs")).not.toContain("labs/gone-1");
  });

  it("says when the host is down, and leaves nothing behind", async () => {
    const before = emulator.inspect.listWorkspaceRepos("labs");
    await fetch(`${emulator.url}/_emulator/outage`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ requests: 1 }) });
    await expect(hostAs(world.service).createRepository({ name: "during-outage", description: "" })).rejects.toMatchObject({ code: "upstream", message: expect.stringMatching(/HTTP 503/) });
    expect(emulator.inspect.listWorkspaceRepos("labs")).toEqual(before);
  });
});

describe("testing a Bitbucket Cloud backend", () => {
  it("passes for the workspace's owner and names a member who is not one", async () => {
    const { testBackend } = await import("../../vcs/test-backend");
    const { connectOrganizationHost } = await import("../../vcs/connect-organization-host");
    // The emulator listens on loopback over plain http: the operator's allowlist, as in the app's tests.
    process.env.BENCHTOP_INSECURE_HOSTS = "127.0.0.1";
    const backend = { type: "bitbucket" as const, name: "Labs", url: emulator.apiRoot, credentialHostname: new URL(emulator.url).host, repository: "{owner}-{id}", organization: "labs", onDelete: "archive" as const };
    // The app's own wiring (connectOrganizationHost, with the safe fetch, which allows the listed loopback host).
    const connect = connectOrganizationHost;
    const ok = await testBackend({ backend: { ...backend, username: world.service.email, authToken: world.service.token }, connect });
    expect(ok.checks.filter((c) => !c.ok)).toEqual([]);
    const member = await testBackend({ backend: { ...backend, username: world.alice.email, authToken: world.alice.token }, connect });
    expect(member.checks.find((c) => c.name === "Administrator")?.message).toMatch(/alice@example\.test is a member of the workspace labs \(member\) but not an administrator/);
    expect(member.checks.find((c) => c.name === "Create repositories")?.message).toMatch(/Not checked/);
    const wrongUser = await testBackend({ backend: { ...backend, username: "alice", authToken: world.service.token }, connect });
    expect(wrongUser.checks.find((c) => c.name === "Token")?.message).toMatch(/did not accept alice with this token/);
    delete process.env.BENCHTOP_INSECURE_HOSTS;
  });
});
