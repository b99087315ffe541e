// The Bitbucket Server side of the external backend against the Bitbucket Server
// emulator: a PROJECT_ADMIN's token creates repositories in the project and
// grants each user their own permission.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBitbucketServerEmulator, type BitbucketServerEmulator } from "../../../e2e/hosts/bitbucket/bitbucket-server-emulator";
import { type BitbucketServerProjectWorld, seedServerProjectWorld } from "../../../e2e/hosts/bitbucket/org-seed";
import { createBitbucketServerOrganizationHost } from "./server-organization-host";

let emulator: BitbucketServerEmulator;
let world: BitbucketServerProjectWorld;
const hostFor = (token: string) => createBitbucketServerOrganizationHost({ apiRoot: emulator.apiRoot, organization: world.project, token, fetch: globalThis.fetch });

beforeAll(async () => {
  emulator = await startBitbucketServerEmulator();
  world = seedServerProjectWorld(emulator);
}, 60_000);
afterAll(() => emulator?.stop());

describe("Bitbucket Server organization host", () => {
  it("knows whose token it is and who administers the project", async () => {
    const host = hostFor(world.tokens.service);
    expect(await host.getServiceAccount()).toEqual({ login: "svc-benchtop", scopes: null });
    expect(await host.getAdministration({ username: "svc-benchtop" })).toEqual({ isMember: true, isAdmin: true, role: "PROJECT_ADMIN" });
    expect(await host.getAdministration({ username: "wendy" })).toEqual({ isMember: true, isAdmin: false, role: "PROJECT_WRITE" });
    expect(await host.getAdministration({ username: "alice" })).toEqual({ isMember: false, isAdmin: false, role: null });
    expect(await hostFor(world.tokens.writer).getAdministration({ username: "wendy" })).toMatchObject({ isAdmin: false });
    await expect(hostFor("not-a-token").getServiceAccount()).rejects.toMatchObject({ code: "bad_credentials" });
  });

  it("creates a repository, grants and revokes access, archives and deletes", async () => {
    const host = hostFor(world.tokens.service);
    const created = await host.createRepository({ name: "alice-k3v9", description: "A project" });
    expect(created.fullName).toBe("LABS/alice-k3v9");
    expect(created.gitUrl).toMatch(/\/scm\/labs\/alice-k3v9\.git$/i);
    await expect(host.createRepository({ name: "alice-k3v9", description: "" })).rejects.toThrow(/already exists/);
    expect((await host.findRepository({ name: "alice-k3v9" }))?.gitUrl).toBe(created.gitUrl);
    expect(await host.findRepository({ name: "nothing-here" })).toBeNull();

    await host.grantAccess({ name: "alice-k3v9", account: { login: "alice", id: null }, access: "write" });
    await host.grantAccess({ name: "alice-k3v9", account: { login: "bob", id: null }, access: "read" });
    expect(emulator.inspect.repoPermissions("LABS/alice-k3v9")).toMatchObject({ alice: "REPO_WRITE", bob: "REPO_READ" });
    await host.revokeAccess({ name: "alice-k3v9", account: { login: "bob", id: null } });
    expect(emulator.inspect.repoPermissions("LABS/alice-k3v9").bob).toBeUndefined();

    await host.archiveRepository({ name: "alice-k3v9" });
    expect(emulator.inspect.isArchived("LABS/alice-k3v9")).toBe(true);
    await host.deleteRepository({ name: "alice-k3v9" });
    expect(emulator.inspect.isDeleted("LABS/alice-k3v9")).toBe(true);
    await host.deleteRepository({ name: "alice-k3v9" });
  });
});

describe("testing a Bitbucket Server backend", () => {
  it("passes for the project's administrator and names a writer who is not one", async () => {
    const { testBackend } = await import("../../vcs/test-backend");
    // The emulator listens on loopback over plain http: the operator's allowlist, as in the app's tests.
    process.env.BENCHTOP_INSECURE_HOSTS = "127.0.0.1";
    const backend = { type: "bitbucket-server" as const, name: "Labs", url: emulator.apiRoot, credentialHostname: new URL(emulator.apiRoot).host, repository: "{owner}-{id}", organization: "LABS", onDelete: "archive" as const };
    const connect = (settings: { authToken: string }) => hostFor(settings.authToken);
    const ok = await testBackend({ backend: { ...backend, username: "svc-benchtop", authToken: world.tokens.service }, connect });
    expect(ok.checks.filter((c) => !c.ok)).toEqual([]);
    const writer = await testBackend({ backend: { ...backend, username: "wendy", authToken: world.tokens.writer }, connect });
    expect(writer.checks.find((c) => c.name === "Administrator")?.message).toMatch(/wendy is a member of the project LABS .* not an administrator/);
    delete process.env.BENCHTOP_INSECURE_HOSTS;
  });
});
