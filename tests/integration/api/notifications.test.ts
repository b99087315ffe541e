import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "../../../e2e/hosts/github/emulator-process";
import { adminToken, createProject, createUser, share, signInBrowser, unique, type TestUser } from "../helpers/api";
import { cloneInto, commitFile, gitOk } from "../helpers/git";
import { call, expectError, expectIsoTime } from "./helpers";

type Project = Awaited<ReturnType<typeof createProject>>;

const report = (project: { id: string }, user: { token: string }, body: unknown) => call(`/api/v1/projects/${project.id}/failures`, { method: "POST", token: user.token, body });
const notificationsOf = (user: { token: string }, query = "") => call(`/api/v1/notifications${query}`, { token: user.token });
const projectOf = (project: { id: string }, user: { token: string }) => call(`/api/v1/projects/${project.id}`, { token: user.token });

function expectNotification(notification: any) {
  expect(Object.keys(notification).sort()).toEqual(["at", "id", "kind", "message", "projectId", "read"]);
  expect(notification.id).toBeTypeOf("string");
  expectIsoTime(notification.at);
  expect(notification.read).toBeTypeOf("boolean");
}

describe("a failure reported by a session", () => {
  let owner: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let project: Project;
  const reason = "The remote has new commits <b>you</b> do not have.\nPull them, then push again.";
  const stored = "The remote has new commits <b>you</b> do not have. Pull them, then push again.";

  beforeAll(async () => {
    [owner, editor, viewer, stranger] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
    project = await createProject(owner);
    await share(project, owner, editor, "editor");
    await share(project, owner, viewer, "viewer");
  });

  it("turns the project red, records operation.failed with the reason and notifies the actor and the owner", async () => {
    expect((await projectOf(project, owner)).body.failed).toBeNull();
    const reported = await report(project, editor, { operation: "push", message: reason });
    expect(reported.status).toBe(201);
    expect(reported.body.failed).toMatchObject({ operation: "push", message: stored });

    const seen = await projectOf(project, viewer);
    expect(seen.body.failed).toEqual({ operation: "push", message: stored, at: expect.any(String) });
    expectIsoTime(seen.body.failed.at);
    const listed = await call("/api/v1/projects?perPage=100", { token: owner.token });
    expect(listed.body.projects.find((p: any) => p.id === project.id).failed.operation).toBe("push");

    const audit = await call(`/api/v1/projects/${project.id}/audit?action=operation.failed`, { token: owner.token });
    expect(audit.body.events).toHaveLength(1);
    expect(audit.body.events[0]).toMatchObject({ action: "operation.failed", actor: { id: editor.id, email: editor.email }, detail: { operation: "push", message: stored } });

    for (const [user, text] of [
      [editor, `Push failed on ${project.name}: ${stored}`],
      [owner, `Push by ${editor.email} failed on ${project.name}: ${stored}`],
    ] as const) {
      const unread = await notificationsOf(user, "?unread=true");
      expect(unread.body).toMatchObject({ unread: 1, nextPage: null });
      expect(unread.body.notifications).toHaveLength(1);
      expectNotification(unread.body.notifications[0]);
      expect(unread.body.notifications[0]).toMatchObject({ kind: "operation.failed", projectId: project.id, read: false, message: text });
    }
    expect((await notificationsOf(viewer)).body).toEqual({ notifications: [], unread: 0, nextPage: null });
  });

  it("lets nobody but the recipient read or mark a notification", async () => {
    const [mine] = (await notificationsOf(owner)).body.notifications;
    for (const other of [stranger, editor]) {
      expectError(await call(`/api/v1/notifications/${mine.id}/read`, { method: "POST", token: other.token, body: {} }), 404, "not_found");
      expect((await notificationsOf(other)).body.notifications.map((n: any) => n.id)).not.toContain(mine.id);
    }
    expect((await notificationsOf(owner, "?unread=true")).body.unread).toBe(1);
    expectError(await call("/api/v1/notifications", {}), 401, "unauthorized");
  });

  it("counts down as notifications are marked read, one or all", async () => {
    const again = await report(project, editor, { operation: "save", message: "This browser's storage is full." });
    expect(again.status).toBe(201);
    expect((await projectOf(project, owner)).body.failed.operation).toBe("save");
    const before = (await notificationsOf(owner, "?unread=true")).body;
    expect(before.unread).toBe(2);
    expect(before.notifications[0].message).toContain("Saving a file"); // newest first

    const one = await call(`/api/v1/notifications/${before.notifications[1].id}/read`, { method: "POST", token: owner.token, body: {} });
    expect(one.status).toBe(204);
    const after = (await notificationsOf(owner)).body;
    expect(after.unread).toBe(1);
    expect(after.notifications.map((n: any) => n.read)).toEqual([false, true]);
    expect((await notificationsOf(owner, "?unread=true")).body.notifications.map((n: any) => n.id)).toEqual([before.notifications[0].id]);

    const paged = (await notificationsOf(owner, "?perPage=1")).body;
    expect(paged.notifications).toHaveLength(1);
    expect(paged.nextPage).toBe(2);

    expect((await call("/api/v1/notifications/read", { method: "POST", token: owner.token, body: {} })).status).toBe(204);
    expect((await notificationsOf(owner)).body.unread).toBe(0);
    expect((await notificationsOf(editor)).body.unread).toBe(2);
    expectError(await call("/api/v1/notifications?unread=maybe", { token: owner.token }), 400, "invalid_input", ["unread"]);
  });

  it("lets a viewer report that opening failed, but not a push or a save; checks what is reported", async () => {
    expectError(await report(project, viewer, { operation: "push", message: "refused" }), 403, "forbidden");
    expectError(await report(project, viewer, { operation: "save", message: "full" }), 403, "forbidden");
    expectError(await report(project, stranger, { operation: "open", message: "x" }), 404, "not_found");
    expectError(await report(project, editor, { operation: "deploy", message: "x" }), 400, "invalid_input", ["operation"]);
    expectError(await report(project, editor, { operation: "push", message: "x".repeat(1001) }), 400, "invalid_input", ["message"]);
    expectError(await report(project, editor, { operation: "push", message: "  " }), 400, "invalid_input", ["message"]);
    expect((await projectOf(project, owner)).body.failed.operation).toBe("save");

    const opened = await report(project, viewer, { operation: "open", message: "The clone broke off." });
    expect(opened.status).toBe(201);
    expect(opened.body.failed).toMatchObject({ operation: "open", message: "The clone broke off." });
    expect((await notificationsOf(owner, "?unread=true")).body.notifications[0].message).toBe(`Opening a session by ${viewer.email} failed on ${project.name}: The clone broke off.`);
  });

  it("is dismissed by an editor or by whoever reported it, which clears failed", async () => {
    const other = await createUser();
    await share(project, owner, other, "viewer");
    expectError(await call(`/api/v1/projects/${project.id}/failure`, { method: "DELETE", token: other.token }), 403, "forbidden");
    expectError(await call(`/api/v1/projects/${project.id}/failure`, { method: "DELETE", token: stranger.token }), 404, "not_found");
    expect((await call(`/api/v1/projects/${project.id}/failure`, { method: "DELETE", token: viewer.token })).status).toBe(204);
    expect((await projectOf(project, owner)).body.failed).toBeNull();
    const dismissed = await call(`/api/v1/projects/${project.id}/audit?action=operation.dismissed`, { token: owner.token });
    expect(dismissed.body.events[0]).toMatchObject({ actor: { id: viewer.id }, detail: { operation: "open" } });

    await report(project, editor, { operation: "push", message: "refused" });
    expect((await call(`/api/v1/projects/${project.id}/failure`, { method: "DELETE", token: editor.token })).status).toBe(204);
    expect((await projectOf(project, editor)).body.failed).toBeNull();
  });

  it("clears a failed push's mark when a push goes through", async () => {
    await report(project, editor, { operation: "push", message: "refused" });
    const dir = cloneInto(project.cloneUrl, { token: editor.token });
    commitFile(dir, "fixed.txt", "pushed at last\n");
    gitOk(["push", "-q", "origin", "HEAD:main"], { cwd: dir, auth: { token: editor.token } });
    // The push is recorded just after git has answered.
    await expect.poll(async () => (await projectOf(project, owner)).body.failed, { timeout: 10_000 }).toBeNull();
  });

  it("takes a session's report with the browser's cookie from Benchtop's own pages only", async () => {
    const cookie = await signInBrowser(editor);
    const body = { operation: "save", message: "Written from the browser." };
    expectError(await call(`/api/v1/projects/${project.id}/failures`, { method: "POST", cookie, headers: { origin: "https://evil.example" }, body }), 403, "forbidden");
    expect((await projectOf(project, owner)).body.failed).toBeNull();
    const reported = await call(`/api/v1/projects/${project.id}/failures`, { method: "POST", cookie, body });
    expect(reported.status).toBe(201);
    expect(reported.body.failed).toMatchObject(body);
    expectError(await call(`/api/v1/projects/${project.id}/failure`, { method: "DELETE", cookie, headers: { origin: "https://evil.example" } }), 403, "forbidden");
    expect((await call(`/api/v1/projects/${project.id}/failure`, { method: "DELETE", cookie })).status).toBe(204);
    expect((await projectOf(project, owner)).body.failed).toBeNull();
  });

  it("keeps a deleted project's notifications, without the link", async () => {
    const doomed = await createProject(owner);
    await report(doomed, owner, { operation: "push", message: "refused" });
    expect((await call(`/api/v1/projects/${doomed.id}`, { method: "DELETE", token: owner.token })).status).toBe(204);
    const kept = (await notificationsOf(owner)).body.notifications.find((n: any) => n.message.includes(doomed.name));
    expect(kept).toMatchObject({ projectId: null, message: `Push failed on ${doomed.name}: refused` });
  });
});

describe("a copy from a registered repository that fails", () => {
  let ghe: GitHubEmulatorProcess;
  let user: TestUser;

  beforeAll(async () => {
    ghe = await startGitHubEmulatorProcess();
    user = await createUser();
  }, 60_000);
  afterAll(async () => {
    await fetch(`${ghe.url}/_emulator/outage`, { method: "DELETE" }).catch(() => undefined);
    await ghe?.stop();
  });

  it("leaves no project and notifies the user", async () => {
    const registered = await call("/api/v1/repositories", {
      method: "POST",
      token: user.token,
      body: { provider: "github-enterprise", name: unique("ghe-"), location: `${ghe.url}/${ghe.world.repos.seeded}`, token: ghe.world.tokens.admin },
    });
    expect(registered.status).toBe(201);
    // The host's API answers 503 from now on.
    expect((await fetch(`${ghe.url}/_emulator/outage`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(200);

    const name = unique("copy-");
    const copy = await call("/api/v1/projects", { method: "POST", token: user.token, body: { name, repositoryId: registered.body.id } });
    expect(copy.status).toBeGreaterThanOrEqual(500);
    const mine = await call("/api/v1/projects?perPage=100", { token: user.token });
    expect(mine.body.projects.map((p: any) => p.name)).not.toContain(name);

    const { body } = await notificationsOf(user, "?unread=true");
    expect(body.unread).toBe(1);
    expectNotification(body.notifications[0]);
    expect(body.notifications[0]).toMatchObject({ kind: "operation.failed", projectId: null });
    expect(body.notifications[0].message).toMatch(new RegExp(`^Copy failed for the new project ${name}: Benchtop could not copy ${registered.body.name}: .+ No project was created\\.$`));

    const audit = await call(`/api/v1/admin/audit?action=operation.failed&actor=${encodeURIComponent(user.email)}`, { token: await adminToken() });
    expect(audit.body.events[0]).toMatchObject({ action: "operation.failed", detail: { operation: "copy", projectName: name } });

    // A refusal of the request itself (a taken name) is answered, not notified.
    await fetch(`${ghe.url}/_emulator/outage`, { method: "DELETE" });
    const taken = await createProject(user);
    expectError(await call("/api/v1/projects", { method: "POST", token: user.token, body: { name: taken.name, repositoryId: registered.body.id } }), 409, "conflict");
    expect((await notificationsOf(user, "?unread=true")).body.unread).toBe(1);
  });
});
