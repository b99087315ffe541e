import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { adminToken, createProject, createUser, share, unique, type TestUser } from "../helpers/api";
import { git } from "../helpers/git";
import { call, expectError } from "./helpers";

type Project = Awaited<ReturnType<typeof createProject>>;

const collaboratorsOf = async (project: { id: string }, token: string) => {
  const res = await call(`/api/v1/projects/${project.id}/collaborators`, { token });
  expect(res.status, res.text).toBe(200);
  return res.body.collaborators as any[];
};

describe("collaborators", () => {
  let owner: TestUser;
  let viewer: TestUser;
  let editor: TestUser;
  let stranger: TestUser;
  let project: Project;

  beforeAll(async () => {
    [owner, viewer, editor, stranger] = await Promise.all([createUser({ name: "Owner" }), createUser({ name: "Viewer" }), createUser({ name: "Editor" }), createUser()]);
  });

  beforeEach(async () => {
    project = await createProject(owner, { description: "shared work" });
  });

  it("adds collaborators by email and lists them with their roles", async () => {
    const added = await call(`/api/v1/projects/${project.id}/collaborators`, {
      method: "POST",
      token: owner.token,
      body: { email: viewer.email.toUpperCase(), role: "viewer" },
    });
    expect(added.status, added.text).toBe(201);
    expect(added.body).toEqual({ userId: viewer.id, email: viewer.email, role: "viewer", hostAccess: null });
    await share(project, owner, editor, "editor");

    const list = await collaboratorsOf(project, owner.token);
    expect(list.map((c) => ({ userId: c.userId, email: c.email, role: c.role })).sort((a, b) => a.email.localeCompare(b.email))).toEqual(
      [
        { userId: viewer.id, email: viewer.email, role: "viewer" },
        { userId: editor.id, email: editor.email, role: "editor" },
      ].sort((a, b) => a.email.localeCompare(b.email)),
    );
    // Members may see who else is on the project.
    expect(await collaboratorsOf(project, viewer.token)).toHaveLength(2);
    expect(await collaboratorsOf(project, editor.token)).toHaveLength(2);
  });

  it("gives each collaborator their role on the project and in the list", async () => {
    await share(project, owner, viewer, "viewer");
    await share(project, owner, editor, "editor");
    expect((await call(`/api/v1/projects/${project.id}`, { token: viewer.token })).body.role).toBe("viewer");
    expect((await call(`/api/v1/projects/${project.id}`, { token: editor.token })).body.role).toBe("editor");
    expect((await call(`/api/v1/projects/${project.id}`, { token: owner.token })).body.role).toBe("owner");
    const shared = await call(`/api/v1/projects?filter=shared&q=${encodeURIComponent(project.name)}`, { token: viewer.token });
    expect(shared.body.projects.map((p: any) => [p.id, p.role])).toEqual([[project.id, "viewer"]]);
  });

  it("lets a viewer read but not change, share or delete (403)", async () => {
    await share(project, owner, viewer, "viewer");
    expect((await call(`/api/v1/projects/${project.id}`, { token: viewer.token })).status).toBe(200);
    expect((await call(`/api/v1/projects/${project.id}/branches`, { token: viewer.token })).status).toBe(200);
    expect((await call(`/api/v1/projects/${project.id}/audit`, { token: viewer.token })).status).toBe(200);

    expectError(await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: viewer.token, body: { description: "viewer was here" } }), 403, "forbidden");
    expectError(await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: viewer.token, body: { name: unique("hijack-") } }), 403, "forbidden");
    expectError(await call(`/api/v1/projects/${project.id}`, { method: "DELETE", token: viewer.token }), 403, "forbidden");
    expectError(
      await call(`/api/v1/projects/${project.id}/collaborators`, { method: "POST", token: viewer.token, body: { email: stranger.email, role: "viewer" } }),
      403,
      "forbidden",
    );
    expectError(await call(`/api/v1/projects/${project.id}/collaborators/${viewer.id}`, { method: "PATCH", token: viewer.token, body: { role: "editor" } }), 403, "forbidden");

    const after = await call(`/api/v1/projects/${project.id}`, { token: owner.token });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ name: project.name, description: "shared work" });
    expect((await collaboratorsOf(project, owner.token)).map((c) => [c.userId, c.role])).toEqual([[viewer.id, "viewer"]]);
  });

  it("lets an editor change the project but not delete it or manage collaborators", async () => {
    await share(project, owner, editor, "editor");
    const patched = await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: editor.token, body: { description: "edited by the editor" } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ description: "edited by the editor", role: "editor" });
    expect((await call(`/api/v1/projects/${project.id}`, { token: owner.token })).body.description).toBe("edited by the editor");

    expectError(await call(`/api/v1/projects/${project.id}`, { method: "DELETE", token: editor.token }), 403, "forbidden");
    expectError(
      await call(`/api/v1/projects/${project.id}/collaborators`, { method: "POST", token: editor.token, body: { email: stranger.email, role: "viewer" } }),
      403,
      "forbidden",
    );
    expectError(await call(`/api/v1/projects/${project.id}/collaborators/${editor.id}`, { method: "DELETE", token: editor.token }), 403, "forbidden");
    expect((await call(`/api/v1/projects/${project.id}`, { token: owner.token })).status).toBe(200);
  });

  it("answers 404 to a stranger for everything about the project", async () => {
    await share(project, owner, viewer, "viewer");
    const base = `/api/v1/projects/${project.id}`;
    expectError(await call(base, { token: stranger.token }), 404, "not_found");
    expectError(await call(base, { method: "PATCH", token: stranger.token, body: { description: "x" } }), 404, "not_found");
    expectError(await call(base, { method: "DELETE", token: stranger.token }), 404, "not_found");
    expectError(await call(`${base}/collaborators`, { token: stranger.token }), 404, "not_found");
    expectError(await call(`${base}/collaborators`, { method: "POST", token: stranger.token, body: { email: stranger.email, role: "editor" } }), 404, "not_found");
    expectError(await call(`${base}/collaborators/${viewer.id}`, { method: "PATCH", token: stranger.token, body: { role: "editor" } }), 404, "not_found");
    expectError(await call(`${base}/collaborators/${viewer.id}`, { method: "DELETE", token: stranger.token }), 404, "not_found");
    expectError(await call(`${base}/audit`, { token: stranger.token }), 404, "not_found");
    expectError(await call(`${base}/branches`, { token: stranger.token }), 404, "not_found");
    expect((await call(`/api/v1/projects/${project.id}`, { token: owner.token })).body.description).toBe("shared work");
  });

  it("changes a collaborator's role, which changes what they can do", async () => {
    await share(project, owner, viewer, "viewer");
    const denied = await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: viewer.token, body: { description: "try 1" } });
    expectError(denied, 403, "forbidden");

    const promoted = await call(`/api/v1/projects/${project.id}/collaborators/${viewer.id}`, { method: "PATCH", token: owner.token, body: { role: "editor" } });
    expect(promoted.status, promoted.text).toBe(200);
    expect(promoted.body).toMatchObject({ userId: viewer.id, email: viewer.email, role: "editor" });
    expect((await call(`/api/v1/projects/${project.id}`, { token: viewer.token })).body.role).toBe("editor");
    const allowed = await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: viewer.token, body: { description: "try 2" } });
    expect(allowed.status, allowed.text).toBe(200);

    const demoted = await call(`/api/v1/projects/${project.id}/collaborators/${viewer.id}`, { method: "PATCH", token: owner.token, body: { role: "viewer" } });
    expect(demoted.status).toBe(200);
    expect(demoted.body.role).toBe("viewer");
    expectError(await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: viewer.token, body: { description: "try 3" } }), 403, "forbidden");
    expect((await call(`/api/v1/projects/${project.id}`, { token: owner.token })).body.description).toBe("try 2");
    expect((await collaboratorsOf(project, owner.token)).find((c) => c.userId === viewer.id).role).toBe("viewer");
  });

  it("removes a collaborator, who then cannot see the project", async () => {
    await share(project, owner, editor, "editor");
    const removed = await call(`/api/v1/projects/${project.id}/collaborators/${editor.id}`, { method: "DELETE", token: owner.token });
    expect(removed.status, removed.text).toBe(204);
    expect(removed.text).toBe("");
    expect(await collaboratorsOf(project, owner.token)).toEqual([]);
    expectError(await call(`/api/v1/projects/${project.id}`, { token: editor.token }), 404, "not_found");
    expectError(await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: editor.token, body: { description: "x" } }), 404, "not_found");
    const list = await call(`/api/v1/projects?q=${encodeURIComponent(project.name)}`, { token: editor.token });
    expect(list.body.projects).toEqual([]);
    // Removing again, or changing a non-collaborator: 404.
    expectError(await call(`/api/v1/projects/${project.id}/collaborators/${editor.id}`, { method: "DELETE", token: owner.token }), 404, "not_found");
    expectError(await call(`/api/v1/projects/${project.id}/collaborators/${editor.id}`, { method: "PATCH", token: owner.token, body: { role: "viewer" } }), 404, "not_found");
    expectError(await call(`/api/v1/projects/${project.id}/collaborators/doesnotexist0000`, { method: "DELETE", token: owner.token }), 404, "not_found");
  });

  it("lets an administrator manage collaborators and delete the project", async () => {
    const admin = await adminToken();
    const added = await call(`/api/v1/projects/${project.id}/collaborators`, { method: "POST", token: admin, body: { email: viewer.email, role: "viewer" } });
    expect(added.status, added.text).toBe(201);
    const changed = await call(`/api/v1/projects/${project.id}/collaborators/${viewer.id}`, { method: "PATCH", token: admin, body: { role: "editor" } });
    expect(changed.status).toBe(200);
    expect((await call(`/api/v1/projects/${project.id}`, { token: viewer.token })).body.role).toBe("editor");
    expect((await call(`/api/v1/projects/${project.id}/collaborators/${viewer.id}`, { method: "DELETE", token: admin })).status).toBe(204);
    expectError(await call(`/api/v1/projects/${project.id}`, { token: viewer.token }), 404, "not_found");
    expect((await call(`/api/v1/projects/${project.id}`, { method: "DELETE", token: admin })).status).toBe(204);
    expectError(await call(`/api/v1/projects/${project.id}`, { token: owner.token }), 404, "not_found");
  });

  it("lets the owner delete a shared project; collaborators lose it too", async () => {
    await share(project, owner, editor, "editor");
    expect((await call(`/api/v1/projects/${project.id}`, { method: "DELETE", token: owner.token })).status).toBe(204);
    expectError(await call(`/api/v1/projects/${project.id}`, { token: editor.token }), 404, "not_found");
    expect((await call(`/api/v1/projects?filter=shared&q=${encodeURIComponent(project.name)}`, { token: editor.token })).body.projects).toEqual([]);
  });

  it("validates what is added", async () => {
    const url = `/api/v1/projects/${project.id}/collaborators`;
    expectError(await call(url, { method: "POST", token: owner.token, body: {} }), 400, "invalid_input", ["email", "role"]);
    expectError(await call(url, { method: "POST", token: owner.token, body: { email: viewer.email } }), 400, "invalid_input", ["role"]);
    expectError(await call(url, { method: "POST", token: owner.token, body: { email: viewer.email, role: "owner" } }), 400, "invalid_input", ["role"]);
    expectError(await call(url, { method: "POST", token: owner.token, body: { email: viewer.email, role: "admin" } }), 400, "invalid_input", ["role"]);
    expectError(await call(url, { method: "POST", token: owner.token, body: { email: "not an email", role: "viewer" } }), 400, "invalid_input", ["email"]);
    expectError(await call(url, { method: "POST", token: owner.token, body: { email: `${unique("ghost")}@example.test`, role: "viewer" } }), 400, "invalid_input", ["email"]);
    expectError(await call(url, { method: "POST", token: owner.token, body: { email: owner.email, role: "editor" } }), 400, "invalid_input", ["email"]);
    expect(await collaboratorsOf(project, owner.token)).toEqual([]);

    await share(project, owner, viewer, "viewer");
    expectError(await call(url, { method: "POST", token: owner.token, body: { email: viewer.email, role: "editor" } }), 409, "conflict");
    expect((await collaboratorsOf(project, owner.token)).map((c) => c.role)).toEqual(["viewer"]);

    expectError(await call(`${url}/${viewer.id}`, { method: "PATCH", token: owner.token, body: {} }), 400, "invalid_input", ["role"]);
    expectError(await call(`${url}/${viewer.id}`, { method: "PATCH", token: owner.token, body: { role: "owner" } }), 400, "invalid_input", ["role"]);
  });

  it("answers 404 for an unknown project and 401 without auth", async () => {
    const missing = "/api/v1/projects/doesnotexist0000/collaborators";
    expectError(await call(missing, { token: owner.token }), 404, "not_found");
    expectError(await call(missing, { method: "POST", token: owner.token, body: { email: viewer.email, role: "viewer" } }), 404, "not_found");
    expectError(await call(`${missing}/${viewer.id}`, { method: "PATCH", token: owner.token, body: { role: "viewer" } }), 404, "not_found");
    expectError(await call(`${missing}/${viewer.id}`, { method: "DELETE", token: owner.token }), 404, "not_found");
    expectError(await call(`/api/v1/projects/${project.id}/collaborators`), 401, "unauthorized");
    expectError(await call(`/api/v1/projects/${project.id}/collaborators`, { method: "POST", body: { email: viewer.email, role: "viewer" } }), 401, "unauthorized");
    expectError(await call(`/api/v1/projects/${project.id}/collaborators/${viewer.id}`, { method: "PATCH", body: { role: "viewer" } }), 401, "unauthorized");
    expectError(await call(`/api/v1/projects/${project.id}/collaborators/${viewer.id}`, { method: "DELETE" }), 401, "unauthorized");
  });
  it("hands the project to a collaborator: the old owner stays as an editor, the clone URL names the new owner, and git follows", async () => {
    await share(project, owner, editor, "editor");
    expectError(await call(`/api/v1/projects/${project.id}/transfer`, { method: "POST", token: editor.token, body: { userId: editor.id } }), 403, "forbidden");
    expectError(await call(`/api/v1/projects/${project.id}/transfer`, { method: "POST", token: owner.token, body: { userId: stranger.id } }), 400, "invalid_input");
    const handed = await call(`/api/v1/projects/${project.id}/transfer`, { method: "POST", token: owner.token, body: { userId: editor.id } });
    expect(handed.status, handed.text).toBe(200);
    expect(handed.body).toMatchObject({ id: project.id, role: "editor", owner: { id: editor.id, handle: editor.handle } });
    expect(handed.body.cloneUrl).toMatch(new RegExp(`/git/${editor.handle}/${project.name}\\.git$`));
    expect((await collaboratorsOf(project, editor.token)).map((c) => [c.userId, c.role])).toEqual([[owner.id, "editor"]]);
    const clone = git(["ls-remote", handed.body.cloneUrl, "refs/heads/main"], { auth: { token: editor.token } });
    expect(clone.status, clone.stderr).toBe(0);
    expect(clone.stdout).toMatch(/refs\/heads\/main/);
    const audit = await call(`/api/v1/projects/${project.id}/audit?action=project.transferred`, { token: editor.token });
    expect(audit.body.events[0]).toMatchObject({ actor: { email: owner.email }, detail: { from: { id: owner.id }, to: { id: editor.id } } });
  });
});
