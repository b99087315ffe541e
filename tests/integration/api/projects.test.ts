import { beforeAll, describe, expect, it } from "vitest";
import { adminToken, baseUrl, createProject, createUser, share, unique, type TestUser } from "../helpers/api";
import { call, expectError, expectIsoTime, readRepoFile, sleep } from "./helpers";

/** A project as API.md describes it. */
function expectProjectView(project: any, expected: Record<string, unknown> = {}) {
  for (const key of ["id", "name", "description", "owner", "role", "backend", "backendLabel", "backendHost", "cloneUrl", "defaultBranch", "defaultEditor", "lastPushAt", "failed", "createdAt"]) {
    expect(project).toHaveProperty(key);
  }
  expect(project.id).toBeTypeOf("string");
  expect(Object.keys(project.owner).sort()).toEqual(expect.arrayContaining(["email", "handle", "id"]));
  expect(["owner", "editor", "viewer", "admin"]).toContain(project.role);
  expectIsoTime(project.createdAt);
  expect(project).toMatchObject(expected);
}

const createRaw = (owner: { token: string }, body: unknown) => call("/api/v1/projects", { method: "POST", token: owner.token, body });

describe("creating projects", () => {
  let owner: TestUser;

  beforeAll(async () => {
    owner = await createUser({ name: "Project Owner" });
  });

  it("creates an internal project with a README holding its name and description on main", async () => {
    const name = unique("Forecast-");
    const res = await createRaw(owner, { name, description: "Rainfall models for the north" });
    expect(res.status, res.text).toBe(201);
    expectProjectView(res.body, {
      name,
      description: "Rainfall models for the north",
      owner: { id: owner.id, email: owner.email, handle: owner.handle },
      role: "owner",
      backend: "internal",
      cloneUrl: `${baseUrl()}/git/${owner.handle}/${name}.git`,
      defaultBranch: "main",
      defaultEditor: "notebook",
      lastPushAt: null,
      failed: null,
    });

    const got = await call(`/api/v1/projects/${res.body.id}`, { token: owner.token });
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);

    const branches = await call(`/api/v1/projects/${res.body.id}/branches`, { token: owner.token });
    expect(branches.status).toBe(200);
    expect(branches.body.branches).toHaveLength(1);
    expect(branches.body.branches[0].name).toBe("main");
    expect(branches.body.branches[0].commit).toMatch(/^[0-9a-f]{40}$/);

    const readme = readRepoFile(res.body.id, branches.body.branches[0].commit, "README.md");
    expect(readme).toContain(name);
    expect(readme).toContain("Rainfall models for the north");
    expect(readme).toBe(`# ${name}\n\nRainfall models for the north\n`);
  });

  it("creates a project without a description", async () => {
    const name = unique("bare-");
    const res = await createRaw(owner, { name });
    expect(res.status, res.text).toBe(201);
    expect(res.body.description).toBe("");
    const branches = await call(`/api/v1/projects/${res.body.id}/branches`, { token: owner.token });
    expect(branches.body.branches.map((b: any) => b.name)).toEqual(["main"]);
    expect(readRepoFile(res.body.id, "main", "README.md")).toContain(`# ${name}`);
  });

  it.each([
    ["empty", ""],
    ["101 characters", "a".repeat(101)],
    ["a space", "two words"],
    ["a slash", "a/b"],
    ["a leading dot", ".hidden"],
    ["only a dot", "."],
    ["a colon", "a:b"],
  ])("refuses a name with %s", async (_label, name) => {
    const res = await createRaw(owner, { name });
    expectError(res, 400, "invalid_input", ["name"]);
  });

  it("refuses a name that is not a string", async () => {
    expectError(await createRaw(owner, { name: 42 }), 400, "invalid_input", ["name"]);
    expectError(await createRaw(owner, { description: "no name" }), 400, "invalid_input", ["name"]);
  });

  it.each([
    ["100 characters", () => `${unique("x")}${"a".repeat(91)}`],
    ["letters, digits, dots, dashes and underscores", () => unique("Ok.name-1_x.")],
    ["a single character", () => unique("").slice(0, 1)],
  ])("accepts a name of %s", async (_label, makeName) => {
    const name = makeName();
    const res = await createRaw(owner, { name });
    expect(res.status, res.text).toBe(201);
    expect(res.body.name).toBe(name);
  });

  it("keeps names unique per owner regardless of case (409 conflict)", async () => {
    const name = unique("Unique-");
    expect((await createRaw(owner, { name })).status).toBe(201);
    expectError(await createRaw(owner, { name }), 409, "conflict");
    expectError(await createRaw(owner, { name: name.toUpperCase() }), 409, "conflict");
    expectError(await createRaw(owner, { name: name.toLowerCase() }), 409, "conflict");
    const mine = await call(`/api/v1/projects?q=${encodeURIComponent(name)}`, { token: owner.token });
    expect(mine.body.projects).toHaveLength(1);

    // Another owner may use the same name.
    const other = await createUser();
    const theirs = await createRaw(other, { name });
    expect(theirs.status, theirs.text).toBe(201);
    expect(theirs.body.cloneUrl).toBe(`${baseUrl()}/git/${other.handle}/${name}.git`);
  });

  it("needs authentication", async () => {
    expectError(await call("/api/v1/projects", { method: "POST", body: { name: unique("anon-") } }), 401, "unauthorized");
    expectError(await call("/api/v1/projects"), 401, "unauthorized");
  });
});

describe("listing projects", () => {
  let owner: TestUser;
  let friend: TestUser;
  let stranger: TestUser;
  let tag: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [owner, friend, stranger] = await Promise.all([createUser(), createUser(), createUser()]);
    tag = unique("");
    // Created one after another, so that activity (latest change) differs from name order.
    for (const name of [`c-${tag}`, `a-${tag}`, `B-${tag}`]) {
      ids[name] = (await createProject(owner, { name })).id;
      await sleep(20);
    }
    ids[`shared-${tag}`] = (await createProject(friend, { name: `shared-${tag}` })).id;
    await share({ id: ids[`shared-${tag}`]! }, friend, owner, "viewer");
    await sleep(20);
    // A change makes c-… the most recently active.
    const touched = await call(`/api/v1/projects/${ids[`c-${tag}`]}`, { method: "PATCH", token: owner.token, body: { description: "touched" } });
    expect(touched.status).toBe(200);
  });

  const names = (res: any) => res.body.projects.map((p: any) => p.name);

  it("lists the projects the caller owns or that are shared with them, by name", async () => {
    const res = await call(`/api/v1/projects?q=${tag}`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(names(res)).toEqual([`a-${tag}`, `B-${tag}`, `c-${tag}`, `shared-${tag}`]);
    expect(res.body.nextPage).toBeNull();
    for (const p of res.body.projects) expectProjectView(p);
    const shared = res.body.projects.find((p: any) => p.name === `shared-${tag}`);
    expect(shared.role).toBe("viewer");
    expect(shared.owner.id).toBe(friend.id);
    expect(res.body.projects.find((p: any) => p.name === `a-${tag}`).role).toBe("owner");

    const sorted = await call(`/api/v1/projects?q=${tag}&sort=name`, { token: owner.token });
    expect(names(sorted)).toEqual(names(res));
  });

  it("sorts by latest activity", async () => {
    const res = await call(`/api/v1/projects?q=${tag}&sort=activity&filter=mine`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(names(res)).toEqual([`c-${tag}`, `B-${tag}`, `a-${tag}`]);
  });

  it("filters to the caller's own projects or to those shared with them", async () => {
    const mine = await call(`/api/v1/projects?q=${tag}&filter=mine`, { token: owner.token });
    expect(names(mine)).toEqual([`a-${tag}`, `B-${tag}`, `c-${tag}`]);
    const shared = await call(`/api/v1/projects?q=${tag}&filter=shared`, { token: owner.token });
    expect(names(shared)).toEqual([`shared-${tag}`]);
    const friendMine = await call(`/api/v1/projects?q=${tag}&filter=mine`, { token: friend.token });
    expect(names(friendMine)).toEqual([`shared-${tag}`]);
    const friendShared = await call(`/api/v1/projects?q=${tag}&filter=shared`, { token: friend.token });
    expect(names(friendShared)).toEqual([]);
  });

  it("searches names with ?q=, case-insensitively", async () => {
    expect(names(await call(`/api/v1/projects?q=A-${tag}`, { token: owner.token }))).toEqual([`a-${tag}`]);
    expect(names(await call(`/api/v1/projects?q=b-${tag}`, { token: owner.token }))).toEqual([`B-${tag}`]);
    expect(names(await call(`/api/v1/projects?q=${unique("nothing-")}`, { token: owner.token }))).toEqual([]);
  });

  it("searches names containing '_' literally", async () => {
    const t = unique("");
    await createProject(owner, { name: `under_score_${t}` });
    await createProject(owner, { name: `under-score-${t}` });
    const exact = await call(`/api/v1/projects?q=under_score_${t}`, { token: owner.token });
    expect(names(exact)).toEqual([`under_score_${t}`]);
    const dash = await call(`/api/v1/projects?q=under-score-${t}`, { token: owner.token });
    expect(names(dash)).toEqual([`under-score-${t}`]);
    // '%' is in no project name, so it matches nothing (it is not a wildcard).
    expect(names(await call(`/api/v1/projects?q=%25`, { token: owner.token }))).toEqual([]);
  });

  it("pages with ?page=&perPage= and nextPage", async () => {
    const first = await call(`/api/v1/projects?q=${tag}&perPage=3`, { token: owner.token });
    expect(names(first)).toEqual([`a-${tag}`, `B-${tag}`, `c-${tag}`]);
    expect(first.body.nextPage).toBe(2);
    const second = await call(`/api/v1/projects?q=${tag}&perPage=3&page=2`, { token: owner.token });
    expect(names(second)).toEqual([`shared-${tag}`]);
    expect(second.body.nextPage).toBeNull();
    const beyond = await call(`/api/v1/projects?q=${tag}&perPage=3&page=3`, { token: owner.token });
    expect(beyond.body).toEqual({ projects: [], nextPage: null });
  });

  it("shows strangers nothing of others' projects", async () => {
    const res = await call(`/api/v1/projects?q=${tag}`, { token: stranger.token });
    expect(res.status).toBe(200);
    expect(res.body.projects).toEqual([]);
  });

  it("shows an administrator every project, with the admin role", async () => {
    const res = await call(`/api/v1/projects?q=${tag}`, { token: await adminToken() });
    expect(names(res)).toEqual([`a-${tag}`, `B-${tag}`, `c-${tag}`, `shared-${tag}`]);
    for (const p of res.body.projects) expect(p.role).toBe("admin");
    const mine = await call(`/api/v1/projects?q=${tag}&filter=mine`, { token: await adminToken() });
    expect(mine.body.projects).toEqual([]);
  });

  it("refuses unknown sort and filter values and bad paging", async () => {
    expectError(await call("/api/v1/projects?sort=size", { token: owner.token }), 400, "invalid_input", ["sort"]);
    expectError(await call("/api/v1/projects?filter=theirs", { token: owner.token }), 400, "invalid_input", ["filter"]);
    expectError(await call("/api/v1/projects?perPage=0", { token: owner.token }), 400, "invalid_input", ["perPage"]);
    expectError(await call("/api/v1/projects?perPage=101", { token: owner.token }), 400, "invalid_input", ["perPage"]);
    expectError(await call("/api/v1/projects?page=0", { token: owner.token }), 400, "invalid_input", ["page"]);
  });
});

describe("one project", () => {
  let owner: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    [owner, stranger] = await Promise.all([createUser(), createUser()]);
  });

  it("answers 404 for an unknown id and for another user's project", async () => {
    const project = await createProject(owner);
    expectError(await call("/api/v1/projects/doesnotexist0000", { token: owner.token }), 404, "not_found");
    const hidden = await call(`/api/v1/projects/${project.id}`, { token: stranger.token });
    expectError(hidden, 404, "not_found");
    const missing = await call("/api/v1/projects/doesnotexist0000", { token: stranger.token });
    // A hidden project answers exactly like a missing one.
    expect(hidden.body).toEqual(missing.body);
    expectError(await call(`/api/v1/projects/${project.id}/branches`, { token: stranger.token }), 404, "not_found");
    expectError(await call("/api/v1/projects/doesnotexist0000/branches", { token: owner.token }), 404, "not_found");
    expectError(await call(`/api/v1/projects/${project.id}`), 401, "unauthorized");
    expectError(await call(`/api/v1/projects/${project.id}/branches`), 401, "unauthorized");
  });

  it("shows an administrator any project with the admin role", async () => {
    const project = await createProject(owner);
    const res = await call(`/api/v1/projects/${project.id}`, { token: await adminToken() });
    expect(res.status).toBe(200);
    expectProjectView(res.body, { id: project.id, role: "admin", owner: { id: owner.id } });
  });

  it("renames a project: new clone URL, same repository, old name free again", async () => {
    const project = await createProject(owner, { description: "keep me" });
    const before = await call(`/api/v1/projects/${project.id}/branches`, { token: owner.token });
    const newName = unique("Renamed-");
    const res = await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: owner.token, body: { name: newName } });
    expect(res.status, res.text).toBe(200);
    expectProjectView(res.body, { id: project.id, name: newName, description: "keep me", role: "owner", cloneUrl: `${baseUrl()}/git/${owner.handle}/${newName}.git` });
    expect((await call(`/api/v1/projects/${project.id}`, { token: owner.token })).body.name).toBe(newName);
    const after = await call(`/api/v1/projects/${project.id}/branches`, { token: owner.token });
    expect(after.body).toEqual(before.body);
    // The old name can be used again.
    expect((await createRaw(owner, { name: project.name })).status).toBe(201);
  });

  it("changes only the case of a name", async () => {
    const project = await createProject(owner, { name: unique("lower-") });
    const res = await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: owner.token, body: { name: project.name.toUpperCase() } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.name).toBe(project.name.toUpperCase());
  });

  it("refuses a rename onto another of the owner's names (409), or to an invalid name (400)", async () => {
    const a = await createProject(owner);
    const b = await createProject(owner);
    expectError(await call(`/api/v1/projects/${b.id}`, { method: "PATCH", token: owner.token, body: { name: a.name.toUpperCase() } }), 409, "conflict");
    expectError(await call(`/api/v1/projects/${b.id}`, { method: "PATCH", token: owner.token, body: { name: ".dot" } }), 400, "invalid_input", ["name"]);
    expectError(await call(`/api/v1/projects/${b.id}`, { method: "PATCH", token: owner.token, body: { name: "" } }), 400, "invalid_input", ["name"]);
    expectError(await call(`/api/v1/projects/${b.id}`, { method: "PATCH", token: owner.token, body: { name: "x".repeat(101) } }), 400, "invalid_input", ["name"]);
    expect((await call(`/api/v1/projects/${b.id}`, { token: owner.token })).body.name).toBe(b.name);
  });

  it("changes the description and the default branch", async () => {
    const project = await createProject(owner);
    const res = await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: owner.token, body: { description: "New words", defaultBranch: "main" } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ description: "New words", defaultBranch: "main", name: project.name });
    expect((await call(`/api/v1/projects/${project.id}`, { token: owner.token })).body.description).toBe("New words");

    const missing = await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: owner.token, body: { defaultBranch: "no-such-branch" } });
    expectError(missing, 400, "invalid_input", ["defaultBranch"]);
    const invalid = await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: owner.token, body: { defaultBranch: "bad..name" } });
    expectError(invalid, 400, "invalid_input", ["defaultBranch"]);
    expect((await call(`/api/v1/projects/${project.id}`, { token: owner.token })).body.defaultBranch).toBe("main");
  });

  it("opens notebooks in the notebook view until an editor chooses the code editor, which is recorded", async () => {
    const [editor, viewer] = await Promise.all([createUser(), createUser()]);
    const project = await createProject(owner);
    await share(project, owner, editor, "editor");
    await share(project, owner, viewer, "viewer");
    const url = `/api/v1/projects/${project.id}`;
    expect((await call(url, { token: owner.token })).body.defaultEditor).toBe("notebook");

    const changed = await call(url, { method: "PATCH", token: editor.token, body: { defaultEditor: "code" } });
    expect(changed.status, changed.text).toBe(200);
    expectProjectView(changed.body, { id: project.id, name: project.name, defaultEditor: "code" });
    expect((await call(url, { token: viewer.token })).body.defaultEditor).toBe("code");
    const listed = await call(`/api/v1/projects?q=${encodeURIComponent(project.name)}`, { token: owner.token });
    expect(listed.body.projects.map((p: any) => [p.id, p.defaultEditor])).toEqual([[project.id, "code"]]);

    const { events } = (await call(`${url}/audit?action=project.updated`, { token: owner.token })).body;
    expect(events.map((e: any) => [e.actor.id, e.detail])).toEqual([[editor.id, { changes: { defaultEditor: "code" } }]]);
    // Choosing the editor already in force changes nothing and records nothing.
    expect((await call(url, { method: "PATCH", token: editor.token, body: { defaultEditor: "code" } })).status).toBe(200);
    expect((await call(`${url}/audit?action=project.updated`, { token: owner.token })).body.events).toHaveLength(1);
  });

  it("refuses a default editor other than notebook or code, and a viewer's change", async () => {
    const viewer = await createUser();
    const project = await createProject(owner);
    await share(project, owner, viewer, "viewer");
    const url = `/api/v1/projects/${project.id}`;
    for (const defaultEditor of ["jupyter", "Code", "", 1, null]) {
      const refused = await call(url, { method: "PATCH", token: owner.token, body: { defaultEditor } });
      expectError(refused, 400, "invalid_input", ["defaultEditor"]);
      expect(refused.body.error.fields.defaultEditor).toBe('defaultEditor is "notebook" (the notebook view) or "code" (the code editor).');
      expect(refused.body.error.message).toContain('"notebook"');
    }
    expectError(await call(url, { method: "PATCH", token: viewer.token, body: { defaultEditor: "code" } }), 403, "forbidden");
    expect((await call(url, { token: owner.token })).body.defaultEditor).toBe("notebook");
  });

  it("refuses unknown fields and 404s a PATCH of an unknown project", async () => {
    const project = await createProject(owner);
    expectError(await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: owner.token, body: { owner: stranger.id } }), 400, "invalid_input", ["body"]);
    expectError(await call(`/api/v1/projects/${project.id}`, { method: "PATCH", token: owner.token, body: { description: 5 } }), 400, "invalid_input", ["description"]);
    expectError(await call("/api/v1/projects/doesnotexist0000", { method: "PATCH", token: owner.token, body: { description: "x" } }), 404, "not_found");
    expectError(await call(`/api/v1/projects/${project.id}`, { method: "PATCH", body: { description: "x" } }), 401, "unauthorized");
  });

  it("deletes a project: gone for GET, the list, branches and its audit; the name is free again", async () => {
    const project = await createProject(owner);
    const res = await call(`/api/v1/projects/${project.id}`, { method: "DELETE", token: owner.token });
    expect(res.status, res.text).toBe(204);
    expect(res.text).toBe("");
    expectError(await call(`/api/v1/projects/${project.id}`, { token: owner.token }), 404, "not_found");
    expectError(await call(`/api/v1/projects/${project.id}/branches`, { token: owner.token }), 404, "not_found");
    expectError(await call(`/api/v1/projects/${project.id}/audit`, { token: owner.token }), 404, "not_found");
    expectError(await call(`/api/v1/projects/${project.id}`, { token: await adminToken() }), 404, "not_found");
    const list = await call(`/api/v1/projects?q=${encodeURIComponent(project.name)}`, { token: owner.token });
    expect(list.body.projects).toEqual([]);
    expectError(await call(`/api/v1/projects/${project.id}`, { method: "DELETE", token: owner.token }), 404, "not_found");
    expect((await createRaw(owner, { name: project.name })).status).toBe(201);
  });

  it("lets an administrator delete anyone's project, and nobody else", async () => {
    const project = await createProject(owner);
    expectError(await call(`/api/v1/projects/${project.id}`, { method: "DELETE", token: stranger.token }), 404, "not_found");
    expectError(await call(`/api/v1/projects/${project.id}`, { method: "DELETE" }), 401, "unauthorized");
    expect((await call(`/api/v1/projects/${project.id}`, { token: owner.token })).status).toBe(200);
    const res = await call(`/api/v1/projects/${project.id}`, { method: "DELETE", token: await adminToken() });
    expect(res.status, res.text).toBe(204);
    expectError(await call(`/api/v1/projects/${project.id}`, { token: owner.token }), 404, "not_found");
  });
});
