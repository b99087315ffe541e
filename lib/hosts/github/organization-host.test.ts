// The GitHub side of the external backend against the GitHub emulator: the
// organization owner's token creates private repositories and manages collaborators.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubEmulator, type GitHubEmulator } from "../../../e2e/hosts/github/github-emulator";
import { type GitHubOrgWorld, seedGitHubOrgWorld } from "../../../e2e/hosts/github/org-seed";
import { createGitHubOrganizationHost } from "./organization-host";

let emulator: GitHubEmulator;
let world: GitHubOrgWorld;
const hostFor = (token: string) => createGitHubOrganizationHost({ apiRoot: emulator.apiRoot, organization: world.org, token, fetch: globalThis.fetch });

beforeAll(async () => {
  emulator = await startGitHubEmulator();
  world = seedGitHubOrgWorld(emulator);
}, 60_000);
afterAll(() => emulator?.stop());

describe("GitHub organization host", () => {
  it("knows the service account, its scopes, and who administers the organization", async () => {
    const host = hostFor(world.service.token);
    expect(await host.getServiceAccount()).toEqual({ login: "svc-benchtop", scopes: ["repo", "read:org", "delete_repo"] });
    expect(await host.getAdministration({ username: world.service.login })).toEqual({ isMember: true, isAdmin: true, role: "admin" });
    expect(await host.getAdministration({ username: world.alice.login })).toEqual({ isMember: true, isAdmin: false, role: "member" });
    expect(await host.getAdministration({ username: world.outsider.login })).toEqual({ isMember: false, isAdmin: false, role: null });
    expect(host.missingScopes({ scopes: ["repo", "read:org"], onDelete: "delete" })).toEqual(["delete_repo"]);
    expect(host.missingScopes({ scopes: ["repo", "admin:org"], onDelete: "archive" })).toEqual([]);
    await expect(hostFor("ghp_wrong").getServiceAccount()).rejects.toThrow(/refused the token/);
  });

  it("creates a private repository, grants and revokes access, archives and deletes", async () => {
    const host = hostFor(world.service.token);
    const created = await host.createRepository({ name: "alice-k3v9", description: "A project" });
    expect(created.fullName).toBe("labs/alice-k3v9");
    await expect(host.createRepository({ name: "alice-k3v9", description: "" })).rejects.toThrow(/already exists/);
    expect((await host.findRepository({ name: "alice-k3v9" }))?.gitUrl).toBe(created.gitUrl);
    expect(await host.findRepository({ name: "nothing-here" })).toBeNull();

    await host.grantAccess({ name: "alice-k3v9", account: { login: "alice", id: null }, access: "write" });
    await host.grantAccess({ name: "alice-k3v9", account: { login: "bob", id: null }, access: "read" });
    const permissions = emulator.inspect.collaborators("labs/alice-k3v9");
    expect(permissions).toMatchObject({ alice: "push", bob: "pull" });
    await host.revokeAccess({ name: "alice-k3v9", account: { login: "bob", id: null } });
    await host.revokeAccess({ name: "alice-k3v9", account: { login: "bob", id: null } });
    expect(emulator.inspect.collaborators("labs/alice-k3v9").bob).toBeUndefined();

    await host.archiveRepository({ name: "alice-k3v9" });
    expect(emulator.inspect.isArchived("labs/alice-k3v9")).toBe(true);
    await host.deleteRepository({ name: "alice-k3v9" });
    expect(emulator.inspect.isDeleted("labs/alice-k3v9")).toBe(true);
  });
});
