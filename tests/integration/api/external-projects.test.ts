// External projects follow Benchtop at the organization's host (the GitHub
// emulator in its own process; the app in its own): collaborators added,
// changed and removed are checked at the host; a collaborator who has not
// connected waits and gets access when they connect; deleting archives or
// deletes the repository there, or, while the host answers 503, deletes the
// project anyway and lists the repository for an administrator to remove.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminToken, api, createProject, createUser, type ApiResult, type TestUser } from "../helpers/api";
import { startExternalWorld, type ExternalWorld } from "../helpers/external-project";

let world: ExternalWorld;
let github: ExternalWorld["github"];
let admin: string;
let owner: TestUser;
let host: string;
const inspect = (fullName: string) => world.inspect(fullName);
const outage = (on: boolean) => world.outage(on);
const connect = (user: TestUser, token: string) => world.connect(user, token);
const externalProject = (onDelete: "delete" | "archive") => world.externalProject(owner, onDelete);

beforeAll(async () => {
  world = await startExternalWorld();
  ({ github, host } = world);
  admin = await adminToken();
  owner = await createUser();
}, 120_000);

afterAll(() => world?.stop());

describe("collaborators of an external project, at the host", () => {
  it("adds, changes and removes a collaborator's access by their own account at the host", async () => {
    const alice = await createUser();
    expect((await connect(alice, github.orgWorld.alice.token)).status).toBe(201);
    const project = await externalProject("archive");
    const base = `/api/v1/projects/${project.id}/collaborators`;

    const added = await api(base, { method: "POST", token: owner.token, body: { email: alice.email, role: "editor" } });
    expect(added.status, added.text).toBe(201);
    expect(added.body).toMatchObject({ userId: alice.id, role: "editor", hostAccess: "granted" });
    expect((await inspect(project.fullName)).permissions?.alice).toBe("push");

    const changed = await api(`${base}/${alice.id}`, { method: "PATCH", token: owner.token, body: { role: "viewer" } });
    expect(changed.body).toMatchObject({ role: "viewer", hostAccess: "granted" });
    expect((await inspect(project.fullName)).permissions?.alice).toBe("pull");

    expect((await api(`${base}/${alice.id}`, { method: "DELETE", token: owner.token })).status).toBe(204);
    expect((await inspect(project.fullName)).permissions?.alice).toBeUndefined();
    expect((await api(base, { token: owner.token })).body.collaborators).toEqual([]);
  });

  it("refuses to add a collaborator while the host answers 503, and changes nothing", async () => {
    const alice = await createUser();
    await connect(alice, github.orgWorld.alice.token);
    const project = await externalProject("archive");
    await outage(true);
    const refused = await api(`/api/v1/projects/${project.id}/collaborators`, { method: "POST", token: owner.token, body: { email: alice.email, role: "editor" } });
    await outage(false);
    expect(refused.status).toBe(502);
    expect(refused.body.error).toMatchObject({ code: "upstream_error", message: expect.stringMatching(new RegExp(`was not added: .*503.*Nothing was changed in Benchtop\\. Try again once ${host} answers`)) });
    expect((await api(`/api/v1/projects/${project.id}/collaborators`, { token: owner.token })).body.collaborators).toEqual([]);
  });

  it("shows a collaborator without an account at the host as waiting, and gives access when they connect", async () => {
    const bob = await createUser();
    const project = await externalProject("archive");
    const base = `/api/v1/projects/${project.id}/collaborators`;
    const added = await api(base, { method: "POST", token: owner.token, body: { email: bob.email, role: "viewer" } });
    expect(added.body).toMatchObject({ hostAccess: "waiting" });
    expect((await inspect(project.fullName)).permissions?.bob).toBeUndefined();

    expect((await connect(bob, github.orgWorld.bob.token)).status).toBe(201);
    expect((await inspect(project.fullName)).permissions?.bob).toBe("pull");
    expect((await api(base, { token: owner.token })).body.collaborators).toEqual([expect.objectContaining({ email: bob.email, role: "viewer", hostAccess: "granted" })]);
  });

  it("shows each project's backend without a credential", async () => {
    const project = await externalProject("archive");
    const shown = await api(`/api/v1/projects/${project.id}`, { token: owner.token });
    expect(shown.body).toMatchObject({ backend: "external", backendLabel: "GitHub: labs", backendHost: host });
    expect(shown.text).not.toContain(github.orgWorld.service.token);
    const internal = await createProject(owner);
    expect((await api(`/api/v1/projects/${internal.id}`, { token: owner.token })).body).toMatchObject({ backend: "internal", backendLabel: "Benchtop", backendHost: null });
  });
});

describe("deleting an external project", () => {
  it("archives or deletes its repository at the host as the backend says", async () => {
    const archived = await externalProject("archive");
    expect((await api(`/api/v1/projects/${archived.id}`, { method: "DELETE", token: owner.token })).status).toBe(204);
    expect(await inspect(archived.fullName)).toMatchObject({ deleted: false, archived: true });

    const deleted = await externalProject("delete");
    expect((await api(`/api/v1/projects/${deleted.id}`, { method: "DELETE", token: owner.token })).status).toBe(204);
    expect(await inspect(deleted.fullName)).toEqual({ repo: deleted.fullName, deleted: true });
    expect((await api(`/api/v1/projects/${deleted.id}`, { token: owner.token })).status).toBe(404);
  });

  it("deletes the project while the host answers 503, says the repository is still there, and an administrator removes it afterwards", async () => {
    const project = await externalProject("delete");
    await outage(true);
    const deleted = await api(`/api/v1/projects/${project.id}`, { method: "DELETE", token: owner.token });
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.body).toMatchObject({
      deleted: true,
      hostRepository: { status: "kept", host, name: project.remoteName, message: expect.stringMatching(new RegExp(`its repository ${project.remoteName} at ${host} is still there: .*An administrator will remove it`)) },
    });
    expect((await api(`/api/v1/projects/${project.id}`, { token: owner.token })).status).toBe(404);

    const listed = await api("/api/v1/admin/retired-repositories", { token: admin });
    const kept = listed.body.repositories.find((r: { projectId: string }) => r.projectId === project.id);
    expect(kept).toMatchObject({ location: "external", path: project.remoteName, host, reason: "delete_failed", removal: "delete", message: expect.stringMatching(/503/) });
    expect((await api("/api/v1/admin/retired-repositories", { token: owner.token })).status).toBe(403);
    expect((await api(`/api/v1/admin/retired-repositories/${kept.id}`, { method: "DELETE", token: owner.token })).status).toBe(403);

    // Still down: Remove says why, and the repository stays listed.
    const refused = await api(`/api/v1/admin/retired-repositories/${kept.id}`, { method: "DELETE", token: admin });
    expect(refused.status).toBe(502);
    expect(refused.body.error.message).toMatch(/was not removed: .*It stays on this list\./);
    expect((await inspect(project.fullName)).deleted).toBe(false);

    await outage(false);
    expect((await api(`/api/v1/admin/retired-repositories/${kept.id}`, { method: "DELETE", token: admin })).status).toBe(204);
    expect((await inspect(project.fullName)).deleted).toBe(true);
    expect((await api("/api/v1/admin/retired-repositories", { token: admin })).body.repositories.some((r: { id: string }) => r.id === kept.id)).toBe(false);
    expect((await api(`/api/v1/admin/retired-repositories/${kept.id}`, { method: "DELETE", token: admin })).status).toBe(404);
    const audit = await api("/api/v1/admin/audit?action=admin.retired_repository_removed", { token: admin });
    expect(audit.body.events.some((e: { detail: { id: string } }) => e.detail.id === kept.id)).toBe(true);
  });
});

describe("the admin console's project list", () => {
  it("lists every project with its owner, backend and size, for administrators only", async () => {
    const internal = await createProject(owner);
    const external = await externalProject("archive");
    expect((await api("/api/v1/admin/projects", { token: owner.token })).status).toBe(403);
    const all: { id: string }[] = [];
    for (let page: number | null = 1; page; ) {
      const listed: ApiResult = await api(`/api/v1/admin/projects?perPage=100&page=${page}`, { token: admin });
      expect(listed.status, listed.text).toBe(200);
      all.push(...listed.body.projects);
      page = listed.body.nextPage;
    }
    const byId = new Map(all.map((p) => [p.id, p]));
    expect(byId.get(internal.id)).toMatchObject({ owner: { email: owner.email }, backend: "internal", backendDescription: "Benchtop's git server", size: { bytes: expect.any(Number), label: expect.stringMatching(/KB|bytes/) } });
    expect((byId.get(internal.id) as unknown as { size: { bytes: number } }).size.bytes).toBeGreaterThan(0);
    expect(byId.get(external.id)).toMatchObject({ backend: "external", backendLabel: "GitHub: labs", backendDescription: "Labs on GitHub Enterprise (labs)", size: { bytes: null, label: `at ${host}` } });
  });
});
