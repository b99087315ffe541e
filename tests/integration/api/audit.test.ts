import { beforeAll, describe, expect, it } from "vitest";
import { adminToken, createProject, createUser, share, unique, type TestUser } from "../helpers/api";
import { call, expectError, expectIsoTime, parseCsv, sleep } from "./helpers";

type Project = Awaited<ReturnType<typeof createProject>>;

/** Events that mention a project (by id or by name). */
const about = (events: any[], project: { id: string; name: string }) =>
  events.filter((e) => JSON.stringify(e).includes(project.id) || JSON.stringify(e.detail ?? {}).includes(project.name));

function expectEvent(event: any) {
  for (const key of ["id", "action", "actor", "at", "detail"]) expect(event).toHaveProperty(key);
  expect(event.id).toBeTypeOf("string");
  expect(event.action).toBeTypeOf("string");
  expectIsoTime(event.at);
  expect(event.detail).toBeTypeOf("object");
  if (event.actor !== null) {
    expect(event.actor.id).toBeTypeOf("string");
    expect(event.actor.email).toBeTypeOf("string");
  }
}

function expectNewestFirst(events: any[]) {
  for (let i = 1; i < events.length; i++) {
    expect(new Date(events[i - 1].at).getTime()).toBeGreaterThanOrEqual(new Date(events[i].at).getTime());
  }
}

describe("project audit", () => {
  let owner: TestUser;
  let viewer: TestUser;
  let editor: TestUser;
  let stranger: TestUser;
  let project: Project;
  let renamedTo: string;

  // Each step is its own request, a few milliseconds apart, so the order is unambiguous.
  beforeAll(async () => {
    [owner, viewer, editor, stranger] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
    project = await createProject(owner, { description: "audited" });
    await sleep(15);
    await share(project, owner, viewer, "viewer");
    await sleep(15);
    await share(project, owner, editor, "editor");
    await sleep(15);
    expect((await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: editor.token, body: { description: "changed by the editor" } })).status).toBe(200);
    await sleep(15);
    renamedTo = unique("audited-");
    expect((await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: owner.token, body: { name: renamedTo } })).status).toBe(200);
    await sleep(15);
    expect((await call(`/api/v1/projects/${project.id}/collaborators/${viewer.id}`, { method: "PATCH", token: owner.token, body: { role: "editor" } })).status).toBe(200);
    await sleep(15);
    expect((await call(`/api/v1/projects/${project.id}/collaborators/${viewer.id}`, { method: "DELETE", token: owner.token })).status).toBe(204);
  });

  it("lists the project's events newest first, with actor email and action", async () => {
    const res = await call(`/api/v1/projects/${project.id}/audit`, { token: owner.token });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const events = res.body.events as any[];
    for (const e of events) expectEvent(e);
    expectNewestFirst(events);
    expect(events.map((e) => [e.action, e.actor.email])).toEqual([
      ["collaborator.removed", owner.email],
      ["collaborator.role_changed", owner.email],
      ["project.renamed", owner.email],
      ["project.updated", editor.email],
      ["collaborator.added", owner.email],
      ["collaborator.added", owner.email],
      ["project.created", owner.email],
    ]);
    expect(events.find((e) => e.action === "project.updated").actor.id).toBe(editor.id);
    expect(res.body.nextPage).toBeNull();
  });

  it("records what changed in each event's detail", async () => {
    const { events } = (await call(`/api/v1/projects/${project.id}/audit`, { token: owner.token })).body;
    const renamed = events.find((e: any) => e.action === "project.renamed");
    expect(JSON.stringify(renamed.detail)).toContain(project.name);
    expect(JSON.stringify(renamed.detail)).toContain(renamedTo);
    const added = events.filter((e: any) => e.action === "collaborator.added").map((e: any) => JSON.stringify(e.detail));
    expect(added.some((d: string) => d.includes(viewer.email))).toBe(true);
    expect(added.some((d: string) => d.includes(editor.email))).toBe(true);
    expect(JSON.stringify(events.find((e: any) => e.action === "project.updated").detail)).toContain("changed by the editor");
  });

  it("filters by action and by actor (email or id)", async () => {
    const base = `/api/v1/projects/${project.id}/audit`;
    const added = await call(`${base}?action=collaborator.added`, { token: owner.token });
    expect(added.body.events).toHaveLength(2);
    for (const e of added.body.events) expect(e.action).toBe("collaborator.added");

    const byEditor = await call(`${base}?actor=${encodeURIComponent(editor.email)}`, { token: owner.token });
    expect(byEditor.body.events.map((e: any) => e.action)).toEqual(["project.updated"]);
    const byEditorUpper = await call(`${base}?actor=${encodeURIComponent(editor.email.toUpperCase())}`, { token: owner.token });
    expect(byEditorUpper.body.events.map((e: any) => e.action)).toEqual(["project.updated"]);
    const byEditorId = await call(`${base}?actor=${editor.id}`, { token: owner.token });
    expect(byEditorId.body.events.map((e: any) => e.action)).toEqual(["project.updated"]);

    const ownerRenames = await call(`${base}?actor=${encodeURIComponent(owner.email)}&action=project.renamed`, { token: owner.token });
    expect(ownerRenames.body.events).toHaveLength(1);
    const editorRenames = await call(`${base}?actor=${encodeURIComponent(editor.email)}&action=project.renamed`, { token: owner.token });
    expect(editorRenames.body.events).toEqual([]);
    const unknownAction = await call(`${base}?action=no.such.action`, { token: owner.token });
    expect(unknownAction.body).toEqual({ events: [], nextPage: null });
  });

  it("pages with perPage and nextPage", async () => {
    const base = `/api/v1/projects/${project.id}/audit`;
    const all = (await call(base, { token: owner.token })).body.events;
    const first = await call(`${base}?perPage=3`, { token: owner.token });
    expect(first.body.events.map((e: any) => e.id)).toEqual(all.slice(0, 3).map((e: any) => e.id));
    expect(first.body.nextPage).toBe(2);
    const last = await call(`${base}?perPage=3&page=3`, { token: owner.token });
    expect(last.body.events.map((e: any) => e.id)).toEqual(all.slice(6).map((e: any) => e.id));
    expect(last.body.nextPage).toBeNull();
  });

  it("answers CSV with a header row and one row per event", async () => {
    const json = (await call(`/api/v1/projects/${project.id}/audit`, { token: owner.token })).body.events as any[];
    const res = await call(`/api/v1/projects/${project.id}/audit?format=csv`, { token: owner.token });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = parseCsv(res.text).filter((r) => r.some((cell) => cell !== ""));
    const header = rows[0]!.map((h) => h.toLowerCase());
    expect(header).toEqual(expect.arrayContaining(["at", "action", "actor"]));
    expect(rows).toHaveLength(json.length + 1);
    const col = (name: string) => header.indexOf(name);
    expect(rows.slice(1).map((r) => [r[col("action")], r[col("actor")]])).toEqual(json.map((e) => [e.action, e.actor.email]));
    expect(rows.slice(1).map((r) => r[col("at")])).toEqual(json.map((e) => e.at));

    const filtered = await call(`/api/v1/projects/${project.id}/audit?format=csv&action=collaborator.added`, { token: owner.token });
    const filteredRows = parseCsv(filtered.text).filter((r) => r.some((cell) => cell !== ""));
    expect(filteredRows).toHaveLength(3);
    for (const r of filteredRows.slice(1)) expect(r[col("action")]).toBe("collaborator.added");
  });

  it("is readable by members only", async () => {
    await share(project, owner, stranger, "viewer");
    expect((await call(`/api/v1/projects/${project.id}/audit`, { token: stranger.token })).status).toBe(200);
    expect((await call(`/api/v1/projects/${project.id}/collaborators/${stranger.id}`, { method: "DELETE", token: owner.token })).status).toBe(204);
    expectError(await call(`/api/v1/projects/${project.id}/audit`, { token: stranger.token }), 404, "not_found");
    expectError(await call(`/api/v1/projects/${project.id}/audit?format=csv`, { token: stranger.token }), 404, "not_found");
    expect((await call(`/api/v1/projects/${project.id}/audit`, { token: editor.token })).status).toBe(200);
    expect((await call(`/api/v1/projects/${project.id}/audit`, { token: await adminToken() })).status).toBe(200);
    expectError(await call(`/api/v1/projects/${project.id}/audit`), 401, "unauthorized");
    expectError(await call("/api/v1/projects/doesnotexist0000/audit", { token: owner.token }), 404, "not_found");
  });

  it("refuses an unknown format", async () => {
    expectError(await call(`/api/v1/projects/${project.id}/audit?format=xml`, { token: owner.token }), 400, "invalid_input", ["format"]);
  });
});

describe("admin audit", () => {
  let owner: TestUser;
  let project: Project;

  beforeAll(async () => {
    owner = await createUser();
    project = await createProject(owner);
    await sleep(15);
    const viewer = await createUser();
    await share(project, owner, viewer, "viewer");
    await sleep(15);
    expect((await call(`/api/v1/projects/${project.id}`, { method: "DELETE", token: owner.token })).status).toBe(204);
  });

  it("keeps only the record of a deleted project's deletion, for admins", async () => {
    const res = await call(`/api/v1/admin/audit?actor=${encodeURIComponent(owner.email)}`, { token: await adminToken() });
    expect(res.status, res.text).toBe(200);
    for (const e of res.body.events) expectEvent(e);
    expectNewestFirst(res.body.events);
    const events = about(res.body.events, project);
    // Everything else Benchtop kept about the project went with it.
    expect(events.map((e) => e.action)).toEqual(["project.deleted"]);
    for (const e of events) expect(e.actor).toMatchObject({ id: owner.id, email: owner.email });

    const deleted = await call(`/api/v1/admin/audit?action=project.deleted&actor=${owner.id}`, { token: await adminToken() });
    expect(about(deleted.body.events, project).map((e) => e.action)).toEqual(["project.deleted"]);
    // The project itself is gone.
    expectError(await call(`/api/v1/projects/${project.id}`, { token: await adminToken() }), 404, "not_found");
  });

  it("holds events that belong to no project, such as sign-ins and users", async () => {
    const res = await call(`/api/v1/admin/audit?actor=${encodeURIComponent(owner.email)}&action=token.created`, { token: await adminToken() });
    expect(res.status).toBe(200);
    expect(res.body.events.length).toBeGreaterThanOrEqual(1);
    for (const e of res.body.events) expect(e.action).toBe("token.created");

    const created = await call(`/api/v1/admin/audit?action=user.created`, { token: await adminToken() });
    expect(created.body.events.some((e: any) => JSON.stringify(e.detail).includes(owner.email))).toBe(true);
    // Token events name the token, never its secret.
    expect(res.text).not.toContain(owner.token);
  });

  it("answers CSV with a header row", async () => {
    const json = (await call(`/api/v1/admin/audit?actor=${encodeURIComponent(owner.email)}`, { token: await adminToken() })).body.events as any[];
    const res = await call(`/api/v1/admin/audit?format=csv&actor=${encodeURIComponent(owner.email)}`, { token: await adminToken() });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = parseCsv(res.text).filter((r) => r.some((cell) => cell !== ""));
    const header = rows[0]!.map((h) => h.toLowerCase());
    expect(header).toEqual(expect.arrayContaining(["at", "action", "actor"]));
    expect(rows).toHaveLength(json.length + 1);
    expect(rows.slice(1).map((r) => r[header.indexOf("action")])).toEqual(json.map((e) => e.action));
    for (const r of rows.slice(1)) expect(r[header.indexOf("actor")]).toBe(owner.email);
  });

  it("pages with perPage and nextPage", async () => {
    const first = await call("/api/v1/admin/audit?perPage=1", { token: await adminToken() });
    expect(first.body.events).toHaveLength(1);
    expect(first.body.nextPage).toBe(2);
    const second = await call("/api/v1/admin/audit?perPage=1&page=2", { token: await adminToken() });
    expect(second.body.events).toHaveLength(1);
    expect(second.body.events[0].id).not.toBe(first.body.events[0].id);
  });

  it("is for administrators only", async () => {
    expectError(await call("/api/v1/admin/audit", { token: owner.token }), 403, "forbidden");
    expectError(await call("/api/v1/admin/audit?format=csv", { token: owner.token }), 403, "forbidden");
    expectError(await call("/api/v1/admin/audit"), 401, "unauthorized");
    expectError(await call("/api/v1/admin/audit?format=pdf", { token: await adminToken() }), 400, "invalid_input", ["format"]);
  });
});
