// The group endpoints the external repository backend calls, driven with
// GitLab's own client (@gitbeaker/rest) and every answer parsed with the strict
// mirrors of @gitbeaker/core's response types; git pushes with the real command
// line prove that each member pushes with their own access level.
import { Gitlab } from "@gitbeaker/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { cloneAndPush } from "../shared/git-client";
import { projectMirror } from "./gitbeaker-mirrors";
import { access, startGitLabEmulator, type GitLabEmulator } from "./gitlab-emulator";
import { groupMirror, memberMirror, simpleUserMirror } from "./org-mirrors";
import { type GitLabGroupWorld, seedGitLabGroupWorld } from "./org-seed";
import { startGitLabEmulatorProcess } from "./start-emulator-process";

let emulator: GitLabEmulator;
let world: GitLabGroupWorld;

beforeAll(async () => {
  emulator = await startGitLabEmulator();
  world = seedGitLabGroupWorld(emulator);
}, 60_000);
afterAll(() => emulator?.stop());

const client = (token: string) => new Gitlab({ host: emulator.url, token });
/** What a refused call carries: GitLab's status and its message (gitbeaker's description). */
const refusal = (call: Promise<unknown>) =>
  call.then(
    () => expect.unreachable("GitLab would refuse this"),
    (error: { cause: { response: Response; description: string } }) => ({ status: error.cause.response.status, message: error.cause.description }),
  );
const basic = (token: string) => `Basic ${Buffer.from(`oauth2:${token}`).toString("base64")}`;
const raw = (method: string, route: string, token: string, body?: unknown) =>
  fetch(`${emulator.apiRoot}${route}`, { method, headers: { "PRIVATE-TOKEN": token, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });

describe("GitLab emulator: groups, members and users", () => {
  it("GET /user and GET /users?username=: the token's account, and a user found by name", async () => {
    const gitlab = client(world.service.token);
    expect((await gitlab.Users.showCurrentUser()).username).toBe("svc-benchtop");
    const found = z.array(simpleUserMirror).parse(await gitlab.Users.all({ username: "ada" }));
    expect(found.map((u) => [u.id, u.username])).toEqual([[world.ada.id, "ada"]]);
    expect(await gitlab.Users.all({ username: "nobody" })).toEqual([]);
  });

  it("GET /groups/:id by id and by URL-encoded full path; 404 for those who may not see it", async () => {
    const gitlab = client(world.service.token);
    const byPath = groupMirror.parse(await gitlab.Groups.show(world.group));
    expect(byPath).toMatchObject({ id: world.groupId, full_path: "labs", visibility: "private", parent_id: null, project_creation_level: "maintainer" });
    expect(byPath.runners_token).toBeDefined();
    const nested = groupMirror.parse(await gitlab.Groups.show(world.subgroup));
    expect(nested).toMatchObject({ full_path: "labs/nested", full_name: "Labs / Nested", parent_id: world.groupId });
    expect(groupMirror.parse(await client(world.developer.token).Groups.show(world.groupId)).runners_token).toBeUndefined();
    const hidden = await refusal(client(world.ada.token).Groups.show(world.group));
    expect(hidden).toEqual({ status: 404, message: "404 Group Not Found" });
  });

  it("GET /groups/:id/members/all/:user_id: 50 for the owner (inherited into subgroups), 404 for a non-member", async () => {
    const gitlab = client(world.service.token);
    const owner = memberMirror.parse(await gitlab.GroupMembers.show(world.group, world.service.id, { includeInherited: true }));
    expect(owner).toMatchObject({ username: "svc-benchtop", access_level: access.owner });
    expect(memberMirror.parse(await gitlab.GroupMembers.show(world.subgroup, world.service.id, { includeInherited: true })).access_level).toBe(access.owner);
    expect(memberMirror.parse(await gitlab.GroupMembers.show(world.group, world.developer.id, { includeInherited: true })).access_level).toBe(access.developer);
    expect((await refusal(gitlab.GroupMembers.show(world.group, world.ada.id, { includeInherited: true }))).status).toBe(404);
  });
});

describe("GitLab emulator: projects in a group", () => {
  it("POST /projects: 201 with an empty private project in the group; 400 'has already been taken'", async () => {
    const gitlab = client(world.service.token);
    const created = projectMirror.parse(await gitlab.Projects.create({ name: "alice-1", path: "alice-1", namespaceId: world.groupId, visibility: "private", initializeWithReadme: false }));
    expect(created).toMatchObject({ path_with_namespace: "labs/alice-1", visibility: "private", empty_repo: true, archived: false, http_url_to_repo: `${emulator.url}/labs/alice-1.git` });
    expect(created.namespace).toMatchObject({ kind: "group", full_path: "labs" });
    expect(emulator.inspect.listGroupProjects("labs")).toEqual(["labs/alice-1"]);
    expect(emulator.inspect.refs("labs/alice-1")).toEqual({});

    const again = await raw("POST", "/projects", world.service.token, { name: "alice-1", path: "alice-1", namespace_id: world.groupId });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ message: { "project_namespace.name": ["has already been taken"], name: ["has already been taken"], path: ["has already been taken"] } });

    const readme = projectMirror.parse(await gitlab.Projects.create({ name: "with-readme", namespaceId: world.groupId, initializeWithReadme: true }));
    expect(readme.empty_repo).toBe(false);
    expect(Object.keys(emulator.inspect.refs("labs/with-readme"))).toEqual(["refs/heads/main"]);
  });

  it("POST /projects refuses a namespace the caller may not create in, in GitLab's words", async () => {
    const developer = await raw("POST", "/projects", world.developer.token, { name: "x", namespace_id: world.groupId });
    expect(developer.status).toBe(400);
    expect(await developer.json()).toEqual({ message: { namespace: ["is not valid"] } });
    const outsider = await refusal(client(world.ada.token).Projects.create({ name: "x", namespaceId: world.groupId }));
    expect(outsider).toEqual({ status: 404, message: "404 Namespace Not Found" });
    expect(emulator.inspect.listGroupProjects("labs")).not.toContain("labs/x");
  });

  it("project members: add (201), change (200), list with inherited ones, remove (204); git follows each level", async () => {
    const gitlab = client(world.service.token);
    const project = await gitlab.Projects.create({ name: "shared-1", namespaceId: world.groupId });
    const url = `${emulator.url}/labs/shared-1.git`;
    const added = memberMirror.parse(await gitlab.ProjectMembers.add(project.id, access.developer, { userId: world.ada.id }));
    expect(added).toMatchObject({ username: "ada", access_level: access.developer });
    expect(emulator.inspect.members("labs/shared-1")).toEqual({ ada: access.developer });
    const ada = await cloneAndPush({ url, authorization: basic(world.ada.token) });
    expect(ada.push.code, ada.push.stderr).toBe(0);
    expect(emulator.inspect.refs("labs/shared-1")["refs/heads/main"]).toBe(ada.commit);
    expect((await cloneAndPush({ url, authorization: basic(world.ben.token) })).clone.code).not.toBe(0);

    const all = z.array(memberMirror).parse(await gitlab.ProjectMembers.all(project.id, { includeInherited: true }));
    expect(all.map((m) => [m.username, m.access_level]).sort()).toEqual([["ada", 30], ["dan", 30], ["svc-benchtop", 50]]);

    expect(memberMirror.parse(await gitlab.ProjectMembers.edit(project.id, world.ada.id, access.reporter)).access_level).toBe(access.reporter);
    const reporter = await cloneAndPush({ url, authorization: basic(world.ada.token) });
    expect(reporter.clone.code).toBe(0);
    expect(reporter.push.stderr).toMatch(/403|not allowed/);

    const duplicate = await refusal(gitlab.ProjectMembers.add(project.id, access.developer, { userId: world.ada.id }));
    expect(duplicate).toEqual({ status: 409, message: "Member already exists" });
    const notMaintainer = await refusal(client(world.ada.token).ProjectMembers.add(project.id, access.developer, { userId: world.ben.id }));
    expect(notMaintainer).toEqual({ status: 403, message: "403 Forbidden" });

    await gitlab.ProjectMembers.remove(project.id, world.ada.id);
    expect(emulator.inspect.members("labs/shared-1")).toEqual({});
    expect((await cloneAndPush({ url, authorization: basic(world.ada.token) })).clone.code).not.toBe(0);
    expect((await refusal(gitlab.ProjectMembers.remove(project.id, world.ada.id))).status).toBe(404);
  });

  it("a project member cannot be set below what they inherit from the group", async () => {
    const gitlab = client(world.service.token);
    const project = await gitlab.Projects.create({ name: "inherits", namespaceId: world.groupId });
    const lower = await refusal(gitlab.ProjectMembers.add(project.id, access.reporter, { userId: world.developer.id }));
    expect(lower.status).toBe(400);
    expect(JSON.parse(lower.message)).toEqual({ access_level: ["should be greater than or equal to Developer inherited membership from group Labs"] });
  });

  it("POST /projects/:id/archive (201): archived, pushes refused; DELETE /projects/:id: 202 Accepted, owners only", async () => {
    const gitlab = client(world.service.token);
    const project = await gitlab.Projects.create({ name: "to-archive", namespaceId: world.groupId });
    await gitlab.ProjectMembers.add(project.id, access.maintainer, { userId: world.ben.id });
    const archiveResponse = await raw("POST", `/projects/${project.id}/archive`, world.service.token);
    expect(archiveResponse.status).toBe(201);
    expect(projectMirror.parse(await archiveResponse.json()).archived).toBe(true);
    expect(emulator.inspect.isArchived("labs/to-archive")).toBe(true);
    const push = await cloneAndPush({ url: `${emulator.url}/labs/to-archive.git`, authorization: basic(world.ben.token) });
    expect(push.push.stderr).toMatch(/403/);
    expect(emulator.inspect.refs("labs/to-archive")).toEqual({});

    expect(await refusal(client(world.ben.token).Projects.remove(project.id))).toEqual({ status: 403, message: "403 Forbidden" });
    const removed = await raw("DELETE", `/projects/${project.id}`, world.service.token);
    expect(removed.status).toBe(202);
    expect(await removed.json()).toEqual({ message: "202 Accepted" });
    expect(emulator.inspect.isDeleted("labs/to-archive")).toBe(true);
    expect(await refusal(gitlab.Projects.show(project.id))).toEqual({ status: 404, message: "404 Project Not Found" });
  });

  it("the outage control: 503 for the next request, nothing created meanwhile", async () => {
    const before = emulator.inspect.listGroupProjects("labs");
    await fetch(`${emulator.url}/_emulator/outage`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ requests: 1 }) });
    const down = await refusal(client(world.service.token).Projects.create({ name: "during-outage", namespaceId: world.groupId }));
    expect(down).toEqual({ status: 503, message: "503 Service Unavailable" });
    expect(emulator.inspect.listGroupProjects("labs")).toEqual(before);
    expect((await client(world.service.token).Users.showCurrentUser()).username).toBe("svc-benchtop");
  });
});

describe("GitLab emulator in a child process: the group world beside the contract seed", () => {
  it("creates a project as the group's owner and reads it back with GET /_emulator/inspect", async () => {
    const child = await startGitLabEmulatorProcess();
    try {
      const { groupWorld, seed } = child;
      const gitlab = new Gitlab({ host: child.url, token: groupWorld.service.token });
      const project = await gitlab.Projects.create({ name: "from-child", namespaceId: groupWorld.groupId });
      await gitlab.ProjectMembers.add(project.id, access.developer, { userId: groupWorld.ada.id });
      const report = await (await fetch(`${child.url}/_emulator/inspect?repo=labs/from-child`)).json();
      expect(report).toEqual({ repo: "labs/from-child", deleted: false, archived: false, permissions: { ada: access.developer }, refs: {} });
      // The contract seed's users and groups are untouched.
      expect((await (await fetch(`${child.url}/_emulator/inspect?owner=analytics`)).json()).repos).toEqual([seed.fullName, seed.privateFullName]);
    } finally {
      await child.stop();
    }
  }, 60_000);
});
