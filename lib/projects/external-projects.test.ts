// External projects follow Benchtop at the organization's host (the GitHub
// emulator in this process): collaborators are given, changed and withdrawn
// access there first, a collaborator without an account there waits until they
// connect, deleting deletes or archives the repository there or keeps it listed
// for an administrator, who removes it later.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGitHubEmulator, type GitHubEmulator } from "../../e2e/hosts/github/github-emulator";
import { seedGitHubOrgWorld, type GitHubOrgWorld } from "../../e2e/hosts/github/org-seed";
import { getReposDir } from "../config/env";
import { getCollaborator, insertRetiredRepository, listAuditEvents, listRetiredRepositories, type User } from "../db";
import { createTokenConnection, deleteConnection } from "../connections";
import { repositorySize } from "../git-server";
import { organizationHostOfRow } from "../vcs";
import { loadProject } from "./access";
import { listAdminProjects } from "./admin-projects";
import { backendOf } from "./backend-label";
import { addCollaborator, changeCollaboratorRole, listCollaborators, removeCollaborator } from "./collaborators";
import { createProject } from "./create-project";
import { deleteProject } from "./delete-project";
import { grantHostAccessOnConnect } from "./grant-on-connect";
import { listRetiredRepositoryViews, removeRetiredRepository } from "./retired-repositories";
import { insertEmulatedBackend, insertExternalProject, newTestUser, type EmulatedOrganization } from "./test-support/external-project";

let emulator: GitHubEmulator;
let world: GitHubOrgWorld;
let host: string;
let counter = 0;

const newUser = (role: User["role"] = "user") => newTestUser("ext", role);
const connect = (user: User, token: string) => createTokenConnection({ user, provider: "github-enterprise", host, token });
const site = (): EmulatedOrganization => ({ type: "github", apiRoot: emulator.apiRoot, host, organization: world.org, service: world.service });
const backendRow = (onDelete: "delete" | "archive") => insertEmulatedBackend(site(), onDelete);
const externalProject = ({ owner, onDelete }: { owner: User; onDelete?: "delete" | "archive" }) => insertExternalProject({ site: site(), owner, onDelete });

beforeAll(async () => {
  emulator = await startGitHubEmulator();
  world = seedGitHubOrgWorld(emulator);
  host = new URL(emulator.url).host;
  process.env.BENCHTOP_INSECURE_HOSTS = host;
}, 60_000);
afterAll(() => emulator?.stop());
beforeEach(() => emulator.outage.clear());

describe("collaborators of an external project", () => {
  it("gives, changes and withdraws access at the host by the collaborator's own account", async () => {
    const owner = await newUser();
    const alice = await newUser();
    await connect(alice, world.alice.token);
    const { project, fullName } = await externalProject({ owner });
    const access = loadProject({ id: project.id, user: owner });

    expect(await addCollaborator({ access, email: alice.email, role: "editor", actor: owner })).toMatchObject({ role: "editor", hostAccess: "granted" });
    expect(emulator.inspect.collaborators(fullName).alice).toBe("push");
    expect(getCollaborator({ projectId: project.id, userId: alice.id })?.hostAccount?.login).toBe("alice");

    await changeCollaboratorRole({ access, userId: alice.id, role: "viewer", actor: owner });
    expect(emulator.inspect.collaborators(fullName).alice).toBe("pull");

    await removeCollaborator({ access, userId: alice.id, actor: owner });
    expect(emulator.inspect.collaborators(fullName).alice).toBeUndefined();
    expect(getCollaborator({ projectId: project.id, userId: alice.id })).toBeUndefined();
  });

  it("changes nothing in Benchtop when the host cannot be reached, and says so", async () => {
    const owner = await newUser();
    const alice = await newUser();
    await connect(alice, world.alice.token);
    const { project, fullName } = await externalProject({ owner });
    const access = loadProject({ id: project.id, user: owner });

    emulator.outage.start(null);
    await expect(addCollaborator({ access, email: alice.email, role: "editor", actor: owner })).rejects.toMatchObject({
      apiCode: "upstream_error",
      message: expect.stringMatching(new RegExp(`^${alice.email} was not added: .*503.* Nothing was changed in Benchtop\\. Try again once ${host} answers`)),
    });
    expect(getCollaborator({ projectId: project.id, userId: alice.id })).toBeUndefined();

    emulator.outage.clear();
    await addCollaborator({ access, email: alice.email, role: "editor", actor: owner });
    emulator.outage.start(null);
    await expect(changeCollaboratorRole({ access, userId: alice.id, role: "viewer", actor: owner })).rejects.toThrow(/role of .* was not changed/);
    await expect(removeCollaborator({ access, userId: alice.id, actor: owner })).rejects.toThrow(/was not removed/);
    emulator.outage.clear();
    expect(getCollaborator({ projectId: project.id, userId: alice.id })?.role).toBe("editor");
    expect(emulator.inspect.collaborators(fullName).alice).toBe("push");
  });

  it("keeps a collaborator without an account at the host waiting, and gives access when they connect", async () => {
    const owner = await newUser();
    const bob = await newUser();
    const { project, fullName } = await externalProject({ owner });
    const access = loadProject({ id: project.id, user: owner });

    expect(await addCollaborator({ access, email: bob.email, role: "viewer", actor: owner })).toMatchObject({ hostAccess: "waiting" });
    expect(emulator.inspect.collaborators(fullName).bob).toBeUndefined();
    // Waiting has nothing to change at the host; the role changes in Benchtop.
    await changeCollaboratorRole({ access, userId: bob.id, role: "editor", actor: owner });
    expect(listCollaborators({ access }).map((c) => [c.email, c.role, c.hostAccess])).toEqual([[bob.email, "editor", "waiting"]]);

    const connection = await connect(bob, world.bob.token);
    expect(await grantHostAccessOnConnect({ user: bob, connection })).toEqual({ granted: 1, failed: 0 });
    expect(emulator.inspect.collaborators(fullName).bob).toBe("push");
    expect(listCollaborators({ access })[0]?.hostAccess).toBe("granted");
  });

  it("moves access to the new account when a collaborator connects as another account, so the old one keeps none", async () => {
    const owner = await newUser();
    const carol = await newUser();
    const first = await connect(carol, world.alice.token);
    const { project, fullName } = await externalProject({ owner });
    const access = loadProject({ id: project.id, user: owner });
    await addCollaborator({ access, email: carol.email, role: "editor", actor: owner });
    expect(emulator.inspect.collaborators(fullName).alice).toBe("push");

    await deleteConnection({ id: first.id, user: carol });
    const second = await connect(carol, world.bob.token);
    expect(await grantHostAccessOnConnect({ user: carol, connection: second })).toEqual({ granted: 1, failed: 0 });
    expect(emulator.inspect.collaborators(fullName)).toMatchObject({ bob: "push" });
    expect(emulator.inspect.collaborators(fullName).alice).toBeUndefined();
    expect(getCollaborator({ projectId: project.id, userId: carol.id })?.hostAccount?.login).toBe("bob");
  });

  it("logs a grant that fails when they connect, keeps them waiting, and does not fail the connection", async () => {
    const owner = await newUser();
    const bob = await newUser();
    const { project, fullName } = await externalProject({ owner });
    const access = loadProject({ id: project.id, user: owner });
    await addCollaborator({ access, email: bob.email, role: "viewer", actor: owner });

    const connection = await connect(bob, world.bob.token);
    emulator.outage.start(null);
    expect(await grantHostAccessOnConnect({ user: bob, connection })).toEqual({ granted: 0, failed: 1 });
    emulator.outage.clear();
    expect(listCollaborators({ access })[0]?.hostAccess).toBe("waiting");
    expect(emulator.inspect.collaborators(fullName).bob).toBeUndefined();
    // Saving the role again tries once more.
    expect(await changeCollaboratorRole({ access, userId: bob.id, role: "viewer", actor: owner })).toMatchObject({ hostAccess: "granted" });
    expect(emulator.inspect.collaborators(fullName).bob).toBe("pull");
  });
});

describe("deleting an external project", () => {
  it("archives or deletes its repository at the host as the backend says", async () => {
    const owner = await newUser();
    const archived = await externalProject({ owner, onDelete: "archive" });
    const result = await deleteProject({ access: loadProject({ id: archived.project.id, user: owner }), actor: owner });
    expect(result.hostRepository).toMatchObject({ status: "archived", host, name: archived.project.remoteName });
    expect(emulator.inspect.isArchived(archived.fullName)).toBe(true);

    const deleted = await externalProject({ owner, onDelete: "delete" });
    expect((await deleteProject({ access: loadProject({ id: deleted.project.id, user: owner }), actor: owner })).hostRepository?.status).toBe("deleted");
    expect(emulator.inspect.isDeleted(deleted.fullName)).toBe(true);
    expect(listRetiredRepositories().filter((r) => [archived.project.id, deleted.project.id].includes(r.projectId))).toEqual([]);
    expect(listAuditEvents({ projectId: deleted.project.id, limit: 5, offset: 0 })[0]?.detail).toMatchObject({ hostRepository: { status: "deleted" } });
  });

  it("deletes the project even when the host is down, keeps the repository listed, and an administrator removes it later", async () => {
    const owner = await newUser();
    const admin = await newUser("admin");
    const { project, fullName } = await externalProject({ owner, onDelete: "delete" });

    emulator.outage.start(null);
    const { hostRepository } = await deleteProject({ access: loadProject({ id: project.id, user: owner }), actor: owner });
    expect(hostRepository).toMatchObject({ status: "kept", message: expect.stringMatching(new RegExp(`repository ${project.remoteName} at ${host} is still there: .*503.* An administrator will remove it`)) });
    expect(() => loadProject({ id: project.id, user: owner })).toThrow(/not found/);
    expect(emulator.inspect.isDeleted(fullName)).toBe(false);
    const [kept] = listRetiredRepositoryViews().filter((r) => r.projectId === project.id);
    expect(kept).toMatchObject({ location: "external", path: project.remoteName, host, reason: "delete_failed", removal: "delete", message: expect.stringMatching(/503/) });

    // Still down: Remove fails, says why, and the row stays.
    await expect(removeRetiredRepository({ id: kept!.id, actor: admin })).rejects.toThrow(/was not removed: .* It stays on this list\./);
    expect(listRetiredRepositoryViews().some((r) => r.id === kept!.id)).toBe(true);

    emulator.outage.clear();
    await removeRetiredRepository({ id: kept!.id, actor: admin });
    expect(emulator.inspect.isDeleted(fullName)).toBe(true);
    expect(listRetiredRepositoryViews().some((r) => r.id === kept!.id)).toBe(false);
    expect(listAuditEvents({ action: "admin.retired_repository_removed", limit: 5, offset: 0 }).some((e) => e.detail?.id === kept!.id)).toBe(true);
  });

  it("counts a repository the host no longer has as removed", async () => {
    const owner = await newUser();
    const { project, fullName } = await externalProject({ owner, onDelete: "archive" });
    await organizationHostOfRow(backendRow("delete")).deleteRepository({ name: project.remoteName! });
    expect((await deleteProject({ access: loadProject({ id: project.id, user: owner }), actor: owner })).hostRepository?.status).toBe("deleted");
    expect(emulator.inspect.isDeleted(fullName)).toBe(true);
    expect(listRetiredRepositories().some((r) => r.projectId === project.id)).toBe(false);
  });
});

describe("the admin console's view of projects", () => {
  it("labels each backend, sizes internal repositories on disk, and says where an external one is", async () => {
    const owner = await newUser();
    const admin = await newUser("admin");
    const internal = await createProject({ input: { name: `plain-${++counter}`, description: "" }, owner });
    const { project: external } = await externalProject({ owner });
    expect(backendOf(internal)).toEqual({ label: "Benchtop", description: "Benchtop's git server", host: null });
    expect(backendOf(external)).toEqual({ label: "GitHub: labs", description: "Labs on GitHub (labs)", host });

    const { projects } = await listAdminProjects({ admin, perPage: 100 });
    const byId = new Map(projects.map((p) => [p.id, p]));
    const size = await repositorySize({ projectId: internal.id });
    expect(size).toBeGreaterThan(0);
    expect(byId.get(internal.id)?.size).toEqual({ bytes: size, label: expect.stringMatching(/KB|bytes/) });
    expect(byId.get(external.id)).toMatchObject({ backendLabel: "GitHub: labs", size: { bytes: null, label: `at ${host}` }, owner: { email: owner.email } });
  });

  it("removes a folder kept on Benchtop's disk, and refuses a stored name that would reach outside the repositories root", async () => {
    const admin = await newUser("admin");
    const folder = path.join(getReposDir(), "oldcopy.retired.git");
    fs.mkdirSync(path.join(folder, "objects"), { recursive: true });
    const kept = insertRetiredRepository({ projectId: "p1", projectName: "moved-away", location: "internal", path: "oldcopy.retired.git", reason: "moved" });
    expect(listRetiredRepositoryViews().find((r) => r.id === kept.id)).toMatchObject({ removal: "delete_folder", host: null });
    await removeRetiredRepository({ id: kept.id, actor: admin });
    expect(fs.existsSync(folder)).toBe(false);

    const escape = insertRetiredRepository({ projectId: "p2", projectName: "x", location: "internal", path: "../benchtop.db", reason: "moved" });
    await expect(removeRetiredRepository({ id: escape.id, actor: admin })).rejects.toThrow(/not a repository folder/);
    expect(listRetiredRepositoryViews().some((r) => r.id === escape.id)).toBe(true);
  });
});
