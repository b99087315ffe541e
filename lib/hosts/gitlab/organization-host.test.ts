// The GitLab side of the external backend against the GitLab emulator: the group
// owner's token creates private projects in the group and manages their members.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitLabEmulator, type GitLabEmulator } from "../../../e2e/hosts/gitlab/gitlab-emulator";
import { type GitLabGroupWorld, seedGitLabGroupWorld } from "../../../e2e/hosts/gitlab/org-seed";
import { createGitLabOrganizationHost } from "./organization-host";

let emulator: GitLabEmulator;
let world: GitLabGroupWorld;
const hostFor = (token: string) => createGitLabOrganizationHost({ apiRoot: emulator.apiRoot, organization: world.group, token, fetch: globalThis.fetch });

beforeAll(async () => {
  emulator = await startGitLabEmulator();
  world = seedGitLabGroupWorld(emulator);
}, 60_000);
afterAll(() => emulator?.stop());

describe("GitLab organization host", () => {
  it("knows the service account, its scopes, and who owns the group", async () => {
    const host = hostFor(world.service.token);
    expect(await host.getServiceAccount()).toEqual({ login: "svc-benchtop", scopes: ["api"] });
    expect(await host.getAdministration({ username: world.service.username })).toMatchObject({ isMember: true, isAdmin: true });
    expect(await host.getAdministration({ username: world.developer.username })).toMatchObject({ isMember: true, isAdmin: false });
    expect(await host.getAdministration({ username: world.ada.username })).toMatchObject({ isMember: false, isAdmin: false });
    expect(host.missingScopes({ scopes: ["read_api"], onDelete: "delete" })).toEqual(["api"]);
  });

  it("creates a private project, grants, changes and revokes access, archives and deletes", async () => {
    const host = hostFor(world.service.token);
    const created = await host.createRepository({ name: "ada-k3v9", description: "A project" });
    expect(created.fullName).toBe("labs/ada-k3v9");
    expect(emulator.inspect.listGroupProjects("labs")).toContain("labs/ada-k3v9");
    await expect(host.createRepository({ name: "ada-k3v9", description: "" })).rejects.toThrow(/already exists/);
    expect((await host.findRepository({ name: "ada-k3v9" }))?.gitUrl).toBe(created.gitUrl);
    expect(await host.findRepository({ name: "nothing-here" })).toBeNull();

    await host.grantAccess({ name: "ada-k3v9", account: { login: "ada", id: null }, access: "write" });
    await host.grantAccess({ name: "ada-k3v9", account: { login: "ben", id: null }, access: "read" });
    expect(emulator.inspect.members("labs/ada-k3v9")).toMatchObject({ ada: 30, ben: 20 });
    await host.grantAccess({ name: "ada-k3v9", account: { login: "ben", id: null }, access: "write" });
    expect(emulator.inspect.members("labs/ada-k3v9").ben).toBe(30);
    await host.revokeAccess({ name: "ada-k3v9", account: { login: "ben", id: null } });
    await host.revokeAccess({ name: "ada-k3v9", account: { login: "ben", id: null } });
    expect(emulator.inspect.members("labs/ada-k3v9").ben).toBeUndefined();

    await host.archiveRepository({ name: "ada-k3v9" });
    expect(emulator.inspect.isArchived("labs/ada-k3v9")).toBe(true);
    await host.deleteRepository({ name: "ada-k3v9" });
    expect(emulator.inspect.isDeleted("labs/ada-k3v9")).toBe(true);
    await host.deleteRepository({ name: "ada-k3v9" });
  });
});
