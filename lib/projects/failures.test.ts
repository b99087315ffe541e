import { describe, expect, it } from "vitest";
import { getProjectWithOwnerById, insertUser, listAuditEvents, listNotificationsOf, type User } from "../db";
import { countUnread, listNotifications } from "../notifications";
import { loadProject } from "./access";
import { addCollaborator } from "./collaborators";
import { createProject } from "./create-project";
import { deleteProject } from "./delete-project";
import { dismissProjectFailure } from "./dismiss-failure";
import { isOperationFailure, notifyFailure } from "./notify-failure";
import { toProjectView } from "./project-view";
import { recordPush } from "./record-push";
import { reportProjectFailure, reportSessionFailure } from "./report-failure";
import { AppError } from "../errors";
import { HostError } from "../hosts";

let n = 0;
const newUser = (role: User["role"] = "user"): User => insertUser({ email: `f${++n}@example.test`, name: `Person ${n}`, handle: `f${n}`, passwordHash: "x", role });
const rowOf = (id: string) => getProjectWithOwnerById({ id })!.project;
const eventsOf = (projectId: string, action = "operation.failed") => listAuditEvents({ projectId, action, limit: 50, offset: 0 });

async function sharedProject(role: "viewer" | "editor") {
  const owner = newUser();
  const member = newUser();
  const project = await createProject({ input: { name: `p${++n}`, description: "" }, owner });
  await addCollaborator({ access: loadProject({ id: project.id, user: owner }), email: member.email, role, actor: owner });
  return { owner, member, project };
}

describe("failures of operations on a project", () => {
  it("marks the project red, records operation.failed and notifies the actor and the owner", async () => {
    const { owner, member, project } = await sharedProject("editor");
    expect(reportProjectFailure({ actor: member, project, operation: "push", message: "The remote\nrefused the push." })).toBe(true);

    const row = rowOf(project.id);
    expect(row).toMatchObject({ failedOperation: "push", failedMessage: "The remote refused the push.", failedById: member.id });
    const view = toProjectView({ project: row, owner, role: "owner", origin: "http://x" });
    expect(view.failed).toEqual({ operation: "push", message: "The remote refused the push.", at: row.failedAt!.toISOString() });
    expect(eventsOf(project.id).map((e) => [e.actorId, e.detail])).toEqual([[member.id, { operation: "push", message: "The remote refused the push." }]]);

    const [toMember] = listNotifications({ user: member }).notifications;
    const [toOwner] = listNotifications({ user: owner }).notifications;
    expect(toMember).toMatchObject({ kind: "operation.failed", projectId: project.id, read: false, message: `Push failed on ${project.name}: The remote refused the push.` });
    expect(toOwner?.message).toBe(`Push by ${member.email} failed on ${project.name}: The remote refused the push.`);
  });

  it("notifies the owner once when their own operation failed", async () => {
    const owner = newUser();
    const project = await createProject({ input: { name: `solo${++n}`, description: "" }, owner });
    reportProjectFailure({ actor: owner, project, operation: "deploy", message: "The build failed." });
    expect(countUnread({ user: owner })).toBe(1);
  });

  it("writes all of it or none of it", async () => {
    const owner = newUser();
    const project = await createProject({ input: { name: `atomic${++n}`, description: "" }, owner });
    // An owner who is not a user: the owner's notification cannot be written, so nothing is.
    const broken = { ...project, ownerId: "no-such-user" };
    const actor = newUser();
    expect(() => reportProjectFailure({ actor, project: broken, operation: "push", message: "refused" })).toThrow();
    expect(rowOf(project.id).failedOperation).toBeNull();
    expect(eventsOf(project.id)).toHaveLength(0);
    expect(countUnread({ user: actor })).toBe(0);
  });

  it("tells people once when the same failure is reported again and again, but keeps the mark current", async () => {
    const { owner, member, project } = await sharedProject("editor");
    expect(reportProjectFailure({ actor: member, project, operation: "save", message: "Storage is full." })).toBe(true);
    const first = rowOf(project.id).failedAt!;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(reportProjectFailure({ actor: member, project, operation: "save", message: "Storage is full." })).toBe(false);
    expect(rowOf(project.id).failedAt!.getTime()).toBeGreaterThan(first.getTime());
    expect(eventsOf(project.id)).toHaveLength(1);
    expect(countUnread({ user: owner })).toBe(1);
    // Another reason is news.
    expect(reportProjectFailure({ actor: member, project, operation: "save", message: "Something else." })).toBe(true);
    expect(countUnread({ user: owner })).toBe(2);
  });

  it("lets a viewer report that opening failed, but not a save or a push", async () => {
    const { member: viewer, project } = await sharedProject("viewer");
    const access = loadProject({ id: project.id, user: viewer });
    expect(() => reportSessionFailure({ access, actor: viewer, operation: "push", message: "no" })).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => reportSessionFailure({ access, actor: viewer, operation: "save", message: "no" })).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(rowOf(project.id).failedOperation).toBeNull();
    reportSessionFailure({ access, actor: viewer, operation: "open", message: "The clone broke off." });
    expect(rowOf(project.id).failedOperation).toBe("open");
  });

  it("is dismissed by editors and by whoever reported it, recording operation.dismissed", async () => {
    const { owner, member: viewer, project } = await sharedProject("viewer");
    const other = newUser();
    await addCollaborator({ access: loadProject({ id: project.id, user: owner }), email: other.email, role: "viewer", actor: owner });
    reportProjectFailure({ actor: viewer, project, operation: "open", message: "The clone broke off." });

    expect(() => dismissProjectFailure({ access: loadProject({ id: project.id, user: other }), actor: other })).toThrow(expect.objectContaining({ code: "forbidden" }));
    dismissProjectFailure({ access: loadProject({ id: project.id, user: viewer }), actor: viewer });
    expect(rowOf(project.id).failedOperation).toBeNull();
    expect(eventsOf(project.id, "operation.dismissed").map((e) => e.detail)).toEqual([{ operation: "open", message: "The clone broke off." }]);

    // The owner may always; a project without a mark stays as it is.
    reportProjectFailure({ actor: viewer, project, operation: "open", message: "Again." });
    dismissProjectFailure({ access: loadProject({ id: project.id, user: owner }), actor: owner });
    dismissProjectFailure({ access: loadProject({ id: project.id, user: owner }), actor: owner });
    expect(eventsOf(project.id, "operation.dismissed")).toHaveLength(2);
  });

  it("clears a failed push's mark when a push goes through, and leaves other marks", async () => {
    const owner = newUser();
    const project = await createProject({ input: { name: `pushed${++n}`, description: "" }, owner });
    const refs = [{ ref: "refs/heads/main", change: "updated" as const, before: "a".repeat(40), after: "b".repeat(40) }];
    reportProjectFailure({ actor: owner, project, operation: "save", message: "Storage is full." });
    recordPush({ actor: owner, project, refs });
    expect(rowOf(project.id).failedOperation).toBe("save");
    reportProjectFailure({ actor: owner, project, operation: "push", message: "Rejected." });
    recordPush({ actor: owner, project, refs });
    expect(rowOf(project.id).failedOperation).toBeNull();
  });

  it("keeps the notifications' text when the project is deleted, without the link", async () => {
    const owner = newUser();
    const project = await createProject({ input: { name: `gone${++n}`, description: "" }, owner });
    reportProjectFailure({ actor: owner, project, operation: "push", message: "Rejected." });
    await deleteProject({ access: loadProject({ id: project.id, user: owner }), actor: owner });
    const [kept] = listNotificationsOf({ userId: owner.id, unread: false, limit: 5, offset: 0 });
    expect(kept).toMatchObject({ projectId: null, message: `Push failed on ${project.name}: Rejected.` });
  });
});

describe("failures that leave no project", () => {
  it("notifies the user and records operation.failed without a project", () => {
    const user = newUser();
    notifyFailure({ user, operation: "copy", message: "The host refused the token.", projectName: "models" });
    const [note] = listNotifications({ user }).notifications;
    expect(note).toMatchObject({ projectId: null, message: "Copy failed for the new project models: The host refused the token. No project was created." });
    const [event] = listAuditEvents({ projectId: null, action: "operation.failed", actor: user.id, limit: 5, offset: 0 });
    expect(event?.detail).toEqual({ operation: "copy", message: "The host refused the token.", projectName: "models" });
  });

  it("counts a host's refusal as a failure, but not Benchtop's refusal of the request", () => {
    expect(isOperationFailure(new HostError("bad_credentials", "refused"))).toBe(true);
    expect(isOperationFailure(new HostError("not_allowed", "private address"))).toBe(true);
    expect(isOperationFailure(new Error("disk"))).toBe(true);
    expect(isOperationFailure(new AppError("internal", "broke"))).toBe(true);
    expect(isOperationFailure(new AppError("conflict", "name taken"))).toBe(false);
    expect(isOperationFailure(new AppError("invalid_input", "bucket"))).toBe(false);
  });
});
