// The organization endpoints the external repository backend calls, driven with
// GitHub's own client (@octokit/rest) and every answer checked against GitHub's
// OpenAPI descriptions (Enterprise Server 3.19 and api.github.com); git pushes
// with the real command line prove that each user pushes with their own rights.
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloneAndPush } from "../shared/git-client";
import { type GitHubEmulatorProcess, startGitHubEmulatorProcess } from "./emulator-process";
import { type GitHubEmulator, startGitHubEmulator } from "./github-emulator";
import { loadOpenApiValidator, type OpenApiValidator } from "./openapi-validator";
import { type GitHubOrgWorld, seedGitHubOrgWorld } from "./org-seed";

let emulator: GitHubEmulator;
let world: GitHubOrgWorld;
let descriptions: OpenApiValidator[];

beforeAll(async () => {
  emulator = await startGitHubEmulator();
  world = seedGitHubOrgWorld(emulator);
  descriptions = [loadOpenApiValidator("ghes-3.19"), loadOpenApiValidator("api.github.com")];
}, 60_000);
afterAll(async () => emulator?.stop());

const client = (token: string) => new Octokit({ baseUrl: emulator.apiRoot, auth: token, request: { retries: 0 } });
/** The RequestError a refused call throws (status and GitHub's body). */
const refusal = (call: Promise<unknown>) => call.then(() => expect.unreachable("GitHub would refuse this"), (error: { status: number; response: { data: any; headers: Record<string, string> } }) => error);
const basic = (token: string) => `Basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;

function expectDocumented(data: unknown, operation: [path: string, method: string, status: number], schema?: string) {
  for (const d of descriptions) {
    expect(d.checkResponse(...operation, data), `${d.name}: ${operation.join(" ")}`).toBeNull();
    if (schema) expect(d.checkSchema(schema, data), `${d.name}: ${schema}`).toBeNull();
  }
}

describe("GitHub emulator: organizations", () => {
  it("GET /user names the token's account and its scopes in X-OAuth-Scopes", async () => {
    const { data, headers } = await client(world.service.token).rest.users.getAuthenticated();
    expectDocumented(data, ["/user", "get", 200], "private-user");
    expect(data.login).toBe("svc-benchtop");
    expect(headers["x-oauth-scopes"]).toBe("repo, read:org, delete_repo");
  });

  it("GET /orgs/{org}: organization-full, with the owner-only policies for an owner", async () => {
    const asOwner = await client(world.service.token).rest.orgs.get({ org: world.org });
    expectDocumented(asOwner.data, ["/orgs/{org}", "get", 200], "organization-full");
    expect(asOwner.data).toMatchObject({ login: "labs", type: "Organization", members_can_create_repositories: true });
    const asMember = await client(world.alice.token).rest.orgs.get({ org: world.org });
    expectDocumented(asMember.data, ["/orgs/{org}", "get", 200], "organization-full");
    expect(asMember.data.members_can_create_repositories).toBeUndefined();
    const missing = await refusal(client(world.service.token).rest.orgs.get({ org: "no-such-org" }));
    expect(missing.status).toBe(404);
    expectDocumented(missing.response.data, ["/orgs/{org}", "get", 404], "basic-error");
  });

  it("GET /orgs/{org}/memberships/{username}: active admin or member; 404 for a non-member", async () => {
    const octokit = client(world.service.token);
    const admin = await octokit.rest.orgs.getMembershipForUser({ org: world.org, username: world.service.login });
    expectDocumented(admin.data, ["/orgs/{org}/memberships/{username}", "get", 200], "org-membership");
    expect(admin.data).toMatchObject({ state: "active", role: "admin", user: { login: "svc-benchtop" }, organization: { login: "labs" } });
    const member = await octokit.rest.orgs.getMembershipForUser({ org: world.org, username: world.alice.login });
    expect(member.data).toMatchObject({ state: "active", role: "member" });
    const outsider = await refusal(octokit.rest.orgs.getMembershipForUser({ org: world.org, username: world.outsider.login }));
    expect(outsider.status).toBe(404);
    expectDocumented(outsider.response.data, ["/orgs/{org}/memberships/{username}", "get", 404], "basic-error");
    // An outsider may not look at the organization's members.
    const peeking = await refusal(client(world.outsider.token).rest.orgs.getMembershipForUser({ org: world.org, username: world.service.login }));
    expect(peeking.status).toBe(404);
  });

  it("POST /orgs/{org}/repos: 201 with an empty private repository; 422 when the name is taken", async () => {
    const octokit = client(world.service.token);
    const created = await octokit.rest.repos.createInOrg({ org: world.org, name: "alice-1", private: true, auto_init: false, description: "Benchtop project 1" });
    expect(created.status).toBe(201);
    expectDocumented(created.data, ["/orgs/{org}/repos", "post", 201], "full-repository");
    expect(created.data).toMatchObject({ full_name: "labs/alice-1", private: true, visibility: "private", description: "Benchtop project 1", archived: false, clone_url: `${emulator.url}/labs/alice-1.git` });
    expect(emulator.inspect.listOwnedRepos("labs")).toEqual(["labs/alice-1"]);
    expect(emulator.inspect.refs("labs/alice-1")).toEqual({});

    const again = await refusal(octokit.rest.repos.createInOrg({ org: world.org, name: "alice-1", private: true }));
    expect(again.status).toBe(422);
    expectDocumented(again.response.data, ["/orgs/{org}/repos", "post", 422], "validation-error");
    expect(again.response.data.errors).toEqual([{ resource: "Repository", code: "custom", field: "name", message: "name already exists on this account" }]);

    const initialized = await octokit.rest.repos.createInOrg({ org: world.org, name: "with readme", private: true, auto_init: true });
    expect(initialized.data.name).toBe("with-readme");
    expect(Object.keys(emulator.inspect.refs("labs/with-readme"))).toEqual(["refs/heads/main"]);
  });

  it("POST /orgs/{org}/repos refuses those who may not create there: 404 outside, 403 when members may not, 404 without the repo scope", async () => {
    const outsider = await refusal(client(world.outsider.token).rest.repos.createInOrg({ org: world.org, name: "x", private: true }));
    expect(outsider.status).toBe(404);
    const locked = await refusal(client(world.alice.token).rest.repos.createInOrg({ org: world.lockedOrg, name: "x", private: true }));
    expect(locked.status).toBe(403);
    expectDocumented(locked.response.data, ["/orgs/{org}/repos", "post", 403], "basic-error");
    expect(locked.response.data.message).toBe("You need admin access to the organization before adding a repository to it.");
    const narrow = await refusal(client(world.narrowService).rest.repos.createInOrg({ org: world.org, name: "x", private: true }));
    expect(narrow.status).toBe(404);
    expect(emulator.inspect.listOwnedRepos(world.lockedOrg)).toEqual([]);
    expect(emulator.inspect.listOwnedRepos(world.org)).not.toContain("labs/x");
  });
});

describe("GitHub emulator: collaborators on organization repositories", () => {
  const repo = { owner: "labs", repo: "shared-1" };
  const gitUrl = () => `${emulator.url}/labs/shared-1.git`;

  beforeAll(async () => {
    await client(world.service.token).rest.repos.createInOrg({ org: world.org, name: repo.repo, private: true });
  });

  it("PUT adds a collaborator (204) who then pushes as themselves; a stranger to the repository cannot", async () => {
    const octokit = client(world.service.token);
    const added = await octokit.rest.repos.addCollaborator({ ...repo, username: world.alice.login, permission: "push" });
    expect(added.status).toBe(204);
    expect(emulator.inspect.collaborators("labs/shared-1")).toEqual({ alice: "push" });

    const alice = await cloneAndPush({ url: gitUrl(), authorization: basic(world.alice.token) });
    expect(alice.push.code, alice.push.stderr).toBe(0);
    expect(emulator.inspect.refs("labs/shared-1")["refs/heads/main"]).toBe(alice.commit);

    const bob = await cloneAndPush({ url: gitUrl(), authorization: basic(world.bob.token) });
    expect(bob.clone.code).not.toBe(0);
    expect(bob.clone.stderr).toMatch(/not found/i);
  });

  it("GET collaborators and a user's permission: collaborator items and repository-collaborator-permission", async () => {
    const octokit = client(world.service.token);
    const { data } = await octokit.rest.repos.listCollaborators(repo);
    expectDocumented(data, ["/repos/{owner}/{repo}/collaborators", "get", 200]);
    expect(data.map((c) => [c.login, c.role_name])).toEqual([["svc-benchtop", "admin"], ["alice", "write"]]);
    const direct = await octokit.rest.repos.listCollaborators({ ...repo, affiliation: "direct" });
    expect(direct.data.map((c) => c.login)).toEqual(["alice"]);

    const alice = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: world.alice.login });
    expectDocumented(alice.data, ["/repos/{owner}/{repo}/collaborators/{username}/permission", "get", 200], "repository-collaborator-permission");
    expect(alice.data).toMatchObject({ permission: "write", role_name: "write", user: { login: "alice" } });
    const bob = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: world.bob.login });
    expectDocumented(bob.data, ["/repos/{owner}/{repo}/collaborators/{username}/permission", "get", 200], "repository-collaborator-permission");
    expect(bob.data.permission).toBe("none");
  });

  it("only an admin manages collaborators (403 in GitHub's words)", async () => {
    const refused = await refusal(client(world.alice.token).rest.repos.addCollaborator({ ...repo, username: world.bob.login, permission: "admin" }));
    expect(refused.status).toBe(403);
    expectDocumented(refused.response.data, ["/repos/{owner}/{repo}/collaborators/{username}", "put", 403], "basic-error");
    expect(refused.response.data.message).toBe("Must have admin rights to Repository.");
    const invalid = await refusal(client(world.service.token).request("PUT /repos/{owner}/{repo}/collaborators/{username}", { ...repo, username: world.bob.login, permission: "owner" }));
    expect(invalid.status).toBe(422);
    expectDocumented(invalid.response.data, ["/repos/{owner}/{repo}/collaborators/{username}", "put", 422], "validation-error");
    expect(emulator.inspect.collaborators("labs/shared-1")).toEqual({ alice: "push" });
  });

  it("lowering to pull stops pushes; DELETE (204) stops clones too", async () => {
    const octokit = client(world.service.token);
    await octokit.rest.repos.addCollaborator({ ...repo, username: world.alice.login, permission: "pull" });
    const reader = await cloneAndPush({ url: gitUrl(), authorization: basic(world.alice.token) });
    expect(reader.clone.code).toBe(0);
    expect(reader.push.code).not.toBe(0);
    expect(reader.push.stderr).toMatch(/403|denied/);

    const removed = await octokit.rest.repos.removeCollaborator({ ...repo, username: world.alice.login });
    expect(removed.status).toBe(204);
    expect(emulator.inspect.collaborators("labs/shared-1")).toEqual({});
    const gone = await cloneAndPush({ url: gitUrl(), authorization: basic(world.alice.token) });
    expect(gone.clone.code).not.toBe(0);
    const level = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: world.alice.login });
    expect(level.data.permission).toBe("none");
  });
});

describe("GitHub emulator: archiving and deleting", () => {
  it("PATCH {archived: true}: 200, and the repository refuses pushes as GitHub does", async () => {
    const octokit = client(world.service.token);
    await octokit.rest.repos.createInOrg({ org: world.org, name: "to-archive", private: true });
    await octokit.rest.repos.addCollaborator({ owner: "labs", repo: "to-archive", username: world.bob.login, permission: "push" });
    const notAdmin = await refusal(client(world.bob.token).rest.repos.update({ owner: "labs", repo: "to-archive", archived: true }));
    expect(notAdmin.status).toBe(403);
    expectDocumented(notAdmin.response.data, ["/repos/{owner}/{repo}", "patch", 403], "basic-error");

    const { status, data } = await octokit.rest.repos.update({ owner: "labs", repo: "to-archive", archived: true });
    expect(status).toBe(200);
    expectDocumented(data, ["/repos/{owner}/{repo}", "patch", 200], "full-repository");
    expect(data.archived).toBe(true);
    expect(emulator.inspect.isArchived("labs/to-archive")).toBe(true);
    const push = await cloneAndPush({ url: `${emulator.url}/labs/to-archive.git`, authorization: basic(world.bob.token) });
    expect(push.clone.code).toBe(0);
    expect(push.push.stderr).toMatch(/403/);
    expect(emulator.inspect.refs("labs/to-archive")).toEqual({});
  });

  it("DELETE /repos/{owner}/{repo}: 403 without admin rights, 204 for the owner, then 404", async () => {
    const octokit = client(world.service.token);
    await octokit.rest.repos.createInOrg({ org: world.org, name: "to-delete", private: true });
    await octokit.rest.repos.addCollaborator({ owner: "labs", repo: "to-delete", username: world.bob.login, permission: "maintain" });
    const refused = await refusal(client(world.bob.token).rest.repos.delete({ owner: "labs", repo: "to-delete" }));
    expect(refused.status).toBe(403);
    expectDocumented(refused.response.data, ["/repos/{owner}/{repo}", "delete", 403], "basic-error");
    expect(emulator.inspect.isDeleted("labs/to-delete")).toBe(false);

    const deleted = await octokit.rest.repos.delete({ owner: "labs", repo: "to-delete" });
    expect(deleted.status).toBe(204);
    expect(emulator.inspect.isDeleted("labs/to-delete")).toBe(true);
    expect(emulator.inspect.listOwnedRepos("labs")).not.toContain("labs/to-delete");
    const after = await refusal(octokit.rest.repos.get({ owner: "labs", repo: "to-delete" }));
    expect(after.status).toBe(404);
  });
});

describe("GitHub emulator: outage control", () => {
  it("POST /_emulator/outage makes the API answer 503 for N requests; a repository created then is never made", async () => {
    const before = emulator.inspect.listOwnedRepos("labs");
    const started = await fetch(`${emulator.url}/_emulator/outage`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ requests: 1 }) });
    expect(await started.json()).toEqual({ remaining: 1 });
    const down = await refusal(client(world.service.token).rest.repos.createInOrg({ org: world.org, name: "during-outage", private: true }));
    expect(down.status).toBe(503);
    for (const d of descriptions) expect(d.checkNamedResponse("service_unavailable", down.response.data)).toBeNull();
    expect(emulator.inspect.listOwnedRepos("labs")).toEqual(before);
    // The outage was one request long: the API answers again.
    expect((await client(world.service.token).rest.users.getAuthenticated()).status).toBe(200);
  });

  it("without a count the outage lasts until DELETE /_emulator/outage", async () => {
    await fetch(`${emulator.url}/_emulator/outage`, { method: "POST" });
    for (let i = 0; i < 3; i++) expect((await refusal(client(world.service.token).rest.orgs.get({ org: world.org }))).status).toBe(503);
    const cleared = await fetch(`${emulator.url}/_emulator/outage`, { method: "DELETE" });
    expect(await cleared.json()).toEqual({ remaining: 0 });
    expect((await client(world.service.token).rest.orgs.get({ org: world.org })).status).toBe(200);
  });
});

describe("GitHub emulator in a child process: the organization world and read-back over HTTP", () => {
  let child: GitHubEmulatorProcess;
  beforeAll(async () => {
    child = await startGitHubEmulatorProcess();
  }, 60_000);
  afterAll(() => child?.stop());
  const inspect = async (query: string) => {
    const res = await fetch(`${child.url}/_emulator/inspect?${query}`);
    return { status: res.status, body: await res.json() };
  };

  it("serves the organization world beside the contract world; GET /_emulator/inspect reads repositories back", async () => {
    const octokit = new Octokit({ baseUrl: child.apiRoot, auth: child.orgWorld.service.token, request: { retries: 0 } });
    await octokit.rest.repos.createInOrg({ org: child.orgWorld.org, name: "from-child", private: true });
    await octokit.rest.repos.addCollaborator({ owner: "labs", repo: "from-child", username: child.orgWorld.alice.login, permission: "push" });
    const pushed = await cloneAndPush({ url: `${child.url}/labs/from-child.git`, authorization: basic(child.orgWorld.alice.token) });
    expect(pushed.push.code, pushed.push.stderr).toBe(0);

    expect((await inspect("owner=labs")).body).toEqual({ owner: "labs", repos: ["labs/from-child"] });
    expect((await inspect("repo=labs/from-child")).body).toEqual({ repo: "labs/from-child", deleted: false, archived: false, permissions: { alice: "push" }, refs: { "refs/heads/main": pushed.commit } });
    await octokit.rest.repos.delete({ owner: "labs", repo: "from-child" });
    expect((await inspect("repo=labs/from-child")).body).toEqual({ repo: "labs/from-child", deleted: true });
    expect((await inspect("repo=labs/never")).status).toBe(404);
    // The contract world is still there.
    expect((await inspect("owner=acme")).body.repos).toEqual(["acme/models", "acme/secret"]);
  });
});
