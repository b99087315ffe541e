import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { insertUser, listAuditEvents, type User } from "../db";
import { readRefs, repoPath, runGit } from "../git-server";
import { loadProject, roleOf } from "./access";
import { addCollaborator, changeCollaboratorRole, removeCollaborator } from "./collaborators";
import { createProject } from "./create-project";
import { deleteProject } from "./delete-project";
import { updateProject } from "./update-project";

let n = 0;
const newUser = (role: User["role"] = "user") =>
  insertUser({ email: `p${++n}@example.test`, name: `Person ${n}`, handle: `p${n}`, passwordHash: "x", role });

describe("projects on the internal git server", () => {
  it("creates a bare repository whose first commit on main holds README.md", async () => {
    const owner = newUser();
    const project = await createProject({ input: { name: "Forecast", description: "Weekly sales forecast" }, owner });
    const dir = repoPath(project.id);
    expect((await runGit({ args: ["rev-parse", "--is-bare-repository"], cwd: dir })).toString().trim()).toBe("true");
    expect((await runGit({ args: ["show", "main:README.md"], cwd: dir })).toString()).toBe("# Forecast\n\nWeekly sales forecast\n");
    expect((await runGit({ args: ["rev-list", "--count", "main"], cwd: dir })).toString().trim()).toBe("1");
    expect((await runGit({ args: ["log", "-1", "--format=%an <%ae>", "main"], cwd: dir })).toString().trim()).toBe(`${owner.name} <${owner.email}>`);
    expect((await runGit({ args: ["config", "receive.fsckObjects"], cwd: dir })).toString().trim()).toBe("true");
    expect([...(await readRefs({ projectId: project.id })).keys()]).toEqual(["refs/heads/main"]);
  });

  it("keeps names unique per owner regardless of case, but not across owners", async () => {
    const a = newUser();
    const b = newUser();
    await createProject({ input: { name: "churn", description: "" }, owner: a });
    await expect(createProject({ input: { name: "Churn", description: "" }, owner: a })).rejects.toMatchObject({ code: "conflict" });
    await expect(createProject({ input: { name: "churn", description: "" }, owner: b })).resolves.toMatchObject({ name: "churn" });
  });

  it("gives each person the role they have and hides the project from strangers", async () => {
    const owner = newUser();
    const viewer = newUser();
    const stranger = newUser();
    const admin = newUser("admin");
    const project = await createProject({ input: { name: "shared", description: "" }, owner });
    const access = loadProject({ id: project.id, user: owner });
    await addCollaborator({ access, email: viewer.email, role: "viewer", actor: owner });
    expect(roleOf({ project, user: viewer })).toBe("viewer");
    expect(roleOf({ project, user: admin })).toBe("admin");
    expect(() => loadProject({ id: project.id, user: stranger })).toThrow(/not found/);

    const asViewer = loadProject({ id: project.id, user: viewer });
    await expect(updateProject({ access: asViewer, input: { description: "x" }, actor: viewer })).rejects.toMatchObject({ code: "forbidden" });
    await expect(addCollaborator({ access: asViewer, email: stranger.email, role: "editor", actor: viewer })).rejects.toThrow(/owner or an administrator/);

    expect(await changeCollaboratorRole({ access, userId: viewer.id, role: "editor", actor: owner })).toMatchObject({ role: "editor", hostAccess: null });
    const asEditor = loadProject({ id: project.id, user: viewer });
    expect((await updateProject({ access: asEditor, input: { description: "edited" }, actor: viewer })).description).toBe("edited");
    await expect(deleteProject({ access: asEditor, actor: viewer })).rejects.toMatchObject({ code: "forbidden" });

    await removeCollaborator({ access, userId: viewer.id, actor: owner });
    expect(roleOf({ project, user: viewer })).toBeUndefined();
    const actions = listAuditEvents({ projectId: project.id, limit: 20, offset: 0 }).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["project.created", "collaborator.added", "collaborator.role_changed", "project.updated", "collaborator.removed"]));
  });

  it("refuses a default branch that does not exist", async () => {
    const owner = newUser();
    const project = await createProject({ input: { name: "branches", description: "" }, owner });
    const access = loadProject({ id: project.id, user: owner });
    await expect(updateProject({ access, input: { defaultBranch: "nope" }, actor: owner })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("deletes the repository and the project's events with the project, keeping only the record of the deletion", async () => {
    const owner = newUser();
    const project = await createProject({ input: { name: "doomed", description: "" }, owner });
    expect(await deleteProject({ access: loadProject({ id: project.id, user: owner }), actor: owner })).toEqual({ hostRepository: null });
    expect(fs.existsSync(repoPath(project.id))).toBe(false);
    expect(() => loadProject({ id: project.id, user: owner })).toThrow(/not found/);
    expect(listAuditEvents({ projectId: project.id, limit: 5, offset: 0 }).map((e) => e.action)).toEqual(["project.deleted"]);
  });
});
