// The workspace endpoints the external repository backend calls on Bitbucket
// Cloud, driven with @coderabbitai/bitbucket's client and every answer parsed
// with the zod mirrors of its OpenAPI-generated types; git pushes with the real
// command line prove that each user pushes with their own permission.
import { createBitbucketCloudClient } from "@coderabbitai/bitbucket/cloud";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloneAndPush } from "../shared/git-client";
import { type BitbucketCloudEmulator, startBitbucketCloudEmulator } from "./bitbucket-cloud-emulator";
import { cloudError, cloudRepository } from "./openapi-mirror";
import { cloudAccount, cloudRepositoryUserPermission, cloudRepositoryUserPermissionPage, cloudWorkspaceMembershipPage } from "./org-mirrors";
import { type BitbucketCloudWorkspaceWorld, seedCloudWorkspaceWorld } from "./org-seed";

let emulator: BitbucketCloudEmulator;
let ids: BitbucketCloudWorkspaceWorld;
let tokens: Record<"service" | "alice" | "bob" | "guest", string>;

beforeAll(async () => {
  emulator = await startBitbucketCloudEmulator();
  ids = seedCloudWorkspaceWorld(emulator);
  tokens = { service: ids.service.token, alice: ids.alice.token, bob: ids.bob.token, guest: ids.guest.token };
});
afterAll(() => emulator?.stop());

const client = (token: string) => createBitbucketCloudClient({ baseUrl: emulator.apiRoot, headers: { Accept: "application/json", Authorization: `Bearer ${token}` } });
const repo = (slug: string) => ({ workspace: "labs", repo_slug: slug });
const basic = (user: string, token: string) => `Basic ${Buffer.from(`${user}:${token}`).toString("base64")}`;
const create = (slug: string, token = tokens.service) => client(token).POST("/repositories/{workspace}/{repo_slug}", { params: { path: repo(slug) }, body: { type: "repository", scm: "git", is_private: true } });

describe("Bitbucket Cloud emulator: accounts and workspace permissions", () => {
  it("GET /user: the token's account", async () => {
    const { data, response } = await client(tokens.service).GET("/user");
    expect(response.status).toBe(200);
    expect(cloudAccount.parse(data)).toMatchObject({ type: "user", nickname: "svc-benchtop", uuid: ids.service.uuid, account_id: ids.service.accountId });
  });

  it("signs a user's token in as Bearer, or as Basic with the account's nickname or Atlassian email; 401 for Basic with another user", async () => {
    const basicClient = (user: string, token: string) => createBitbucketCloudClient({ baseUrl: emulator.apiRoot, headers: { Accept: "application/json", Authorization: basic(user, token) } });
    for (const user of [ids.service.email, "svc-benchtop"]) {
      const { data, response } = await basicClient(user, tokens.service).GET("/user");
      expect(response.status, user).toBe(200);
      expect(cloudAccount.parse(data)).toMatchObject({ uuid: ids.service.uuid });
    }
    const refused = await basicClient(ids.alice.email, tokens.service).GET("/user");
    expect(refused.response.status).toBe(401);
    expect(cloudError.parse(refused.error).error?.message).toBeTruthy();
  });

  it("GET /workspaces/{workspace}/permissions?q=user.uuid=: owner, member; 403 for a collaborator", async () => {
    const owner = await client(tokens.service).GET("/workspaces/{workspace}/permissions", { params: { path: { workspace: "labs" }, query: { q: `user.uuid="${ids.service.uuid}"` } } });
    const page = cloudWorkspaceMembershipPage.parse(owner.data);
    expect(page.values?.map((m) => [m.user?.nickname, m.permission])).toEqual([["svc-benchtop", "owner"]]);
    const all = cloudWorkspaceMembershipPage.parse((await client(tokens.alice).GET("/workspaces/{workspace}/permissions", { params: { path: { workspace: "labs" } } })).data);
    expect(all.values?.map((m) => m.permission)).toEqual(["owner", "member", "collaborator"]);
    const refused = await client(tokens.guest).GET("/workspaces/{workspace}/permissions", { params: { path: { workspace: "labs" } } });
    expect(refused.response.status).toBe(403);
    expect(cloudError.parse(refused.error).error?.message).toBeTruthy();
  });

  it("GET /user/permissions/workspaces?q=workspace.slug=: the caller's own role", async () => {
    const mine = cloudWorkspaceMembershipPage.parse((await client(tokens.service).GET("/user/permissions/workspaces", { params: { query: { q: 'workspace.slug="labs"' } } })).data);
    expect(mine.values?.map((m) => [m.workspace?.slug, m.permission])).toEqual([["labs", "owner"]]);
    const none = cloudWorkspaceMembershipPage.parse((await client(tokens.bob).GET("/user/permissions/workspaces", { params: { query: { q: 'workspace.slug="labs"' } } })).data);
    expect(none.values).toEqual([]);
  });
});

describe("Bitbucket Cloud emulator: repositories in a workspace", () => {
  it("POST /repositories/{workspace}/{slug}: 200 with an empty private repository; 400 when it exists; 403 for a collaborator", async () => {
    const created = await create("alice-1");
    expect(created.response.status).toBe(200);
    expect(cloudRepository.parse(created.data)).toMatchObject({ full_name: "labs/alice-1", is_private: true, scm: "git" });
    expect(emulator.inspect.listWorkspaceRepos("labs")).toEqual(["labs/alice-1"]);
    expect(emulator.inspect.refs("labs/alice-1")).toEqual({});
    const again = await create("alice-1");
    expect(again.response.status).toBe(400);
    expect(cloudError.parse(again.error).error?.message).toBe("Repository with this Slug and Owner already exists.");
    expect((await create("x", tokens.guest)).response.status).toBe(403);
    expect((await create("x", tokens.bob)).response.status).toBe(403);
    expect(emulator.inspect.listWorkspaceRepos("labs")).toEqual(["labs/alice-1"]);
  });

  it("permissions-config/users: PUT read|write (200), git follows it, DELETE (204) removes it", async () => {
    await create("shared-1");
    const path = { ...repo("shared-1"), selected_user_id: ids.bob.accountId };
    const put = await client(tokens.service).PUT("/repositories/{workspace}/{repo_slug}/permissions-config/users/{selected_user_id}", { params: { path }, body: { permission: "write" } });
    expect(put.response.status).toBe(200);
    expect(cloudRepositoryUserPermission.parse(put.data)).toMatchObject({ permission: "write", user: { nickname: "bob" } });
    expect(emulator.inspect.repoPermissions("labs/shared-1")).toEqual({ bob: "write" });

    const url = `${emulator.url}/labs/shared-1.git`;
    const bob = await cloneAndPush({ url, authorization: basic("bob", tokens.bob) });
    expect(bob.push.code, bob.push.stderr).toBe(0);
    expect(emulator.inspect.refs("labs/shared-1")["refs/heads/main"]).toBe(bob.commit);
    expect((await cloneAndPush({ url, authorization: basic("alice", tokens.alice) })).clone.code).not.toBe(0);

    await client(tokens.service).PUT("/repositories/{workspace}/{repo_slug}/permissions-config/users/{selected_user_id}", { params: { path: { ...path, selected_user_id: ids.bob.uuid } }, body: { permission: "read" } });
    const reader = await cloneAndPush({ url, authorization: basic("bob", tokens.bob) });
    expect(reader.clone.code).toBe(0);
    expect(reader.push.stderr).toMatch(/403/);

    const notAdmin = await client(tokens.bob).PUT("/repositories/{workspace}/{repo_slug}/permissions-config/users/{selected_user_id}", { params: { path: { ...path, selected_user_id: ids.alice.accountId } }, body: { permission: "admin" } });
    expect(notAdmin.response.status).toBe(403);
    const removed = await client(tokens.service).DELETE("/repositories/{workspace}/{repo_slug}/permissions-config/users/{selected_user_id}", { params: { path } });
    expect(removed.response.status).toBe(204);
    expect(emulator.inspect.repoPermissions("labs/shared-1")).toEqual({});
    expect((await cloneAndPush({ url, authorization: basic("bob", tokens.bob) })).clone.code).not.toBe(0);
  });

  it("git takes a person's API token as x-bitbucket-api-token-auth (not x-token-auth), and refuses a push without write permission", async () => {
    await create("api-token-git");
    const grant = (user: string, permission: "read" | "write") =>
      client(tokens.service).PUT("/repositories/{workspace}/{repo_slug}/permissions-config/users/{selected_user_id}", { params: { path: { ...repo("api-token-git"), selected_user_id: user } }, body: { permission } });
    await grant(ids.alice.uuid, "write");
    await grant(ids.bob.uuid, "read");
    const url = `${emulator.url}/labs/api-token-git.git`;

    const alice = await cloneAndPush({ url, authorization: basic("x-bitbucket-api-token-auth", tokens.alice) });
    expect(alice.push.code, alice.push.stderr).toBe(0);
    expect(emulator.inspect.refs("labs/api-token-git")["refs/heads/main"]).toBe(alice.commit);
    // x-token-auth is for access tokens: a person's API token is refused with it.
    expect((await cloneAndPush({ url, authorization: basic("x-token-auth", tokens.alice) })).clone.code).not.toBe(0);

    const bob = await cloneAndPush({ url, authorization: basic("x-bitbucket-api-token-auth", tokens.bob) });
    expect(bob.clone.code).toBe(0);
    expect(bob.push.code).not.toBe(0);
    expect(bob.push.stderr).toMatch(/403/);
    expect(emulator.inspect.refs("labs/api-token-git")["refs/heads/main"]).toBe(alice.commit);
  });

  it("PUT /repositories/{workspace}/{slug}: 200 updates the description for an admin, 403 for a writer, 404 for one who cannot see it; 201 creates a missing one", async () => {
    await create("to-update");
    const updated = await client(tokens.service).PUT("/repositories/{workspace}/{repo_slug}", { params: { path: repo("to-update") }, body: { type: "repository", description: "Kept" } });
    expect(updated.response.status).toBe(200);
    expect(cloudRepository.parse(updated.data)).toMatchObject({ full_name: "labs/to-update", description: "Kept", is_private: true });
    expect(emulator.inspect.description("labs/to-update")).toBe("Kept");
    await client(tokens.service).PUT("/repositories/{workspace}/{repo_slug}/permissions-config/users/{selected_user_id}", { params: { path: { ...repo("to-update"), selected_user_id: ids.bob.uuid } }, body: { permission: "write" } });
    const refused = await client(tokens.bob).PUT("/repositories/{workspace}/{repo_slug}", { params: { path: repo("to-update") }, body: { type: "repository", description: "Mine" } });
    expect(refused.response.status).toBe(403);
    expect(cloudError.parse(refused.error).error?.message).toBeTruthy();
    const unseen = await client(tokens.alice).PUT("/repositories/{workspace}/{repo_slug}", { params: { path: repo("to-update") }, body: { type: "repository", description: "Mine" } });
    expect(unseen.response.status).toBe(404);
    expect(emulator.inspect.description("labs/to-update")).toBe("Kept");
    const created = await client(tokens.service).PUT("/repositories/{workspace}/{repo_slug}", { params: { path: repo("made-by-put") }, body: { type: "repository", description: "New" } });
    expect(created.response.status).toBe(201);
    expect(cloudRepository.parse(created.data)).toMatchObject({ full_name: "labs/made-by-put", description: "New" });
    expect(emulator.inspect.listWorkspaceRepos("labs")).toContain("labs/made-by-put");
  });

  it("GET permissions-config/users: the explicit grants, each a repository_user_permission", async () => {
    await create("listed-1");
    await client(tokens.service).PUT("/repositories/{workspace}/{repo_slug}/permissions-config/users/{selected_user_id}", { params: { path: { ...repo("listed-1"), selected_user_id: ids.bob.uuid } }, body: { permission: "read" } });
    const { data, response } = await client(tokens.service).GET("/repositories/{workspace}/{repo_slug}/permissions-config/users", { params: { path: repo("listed-1") } });
    expect(response.status).toBe(200);
    expect(cloudRepositoryUserPermissionPage.parse(data).values?.map((p) => [p.user?.uuid, p.permission])).toEqual([[ids.bob.uuid, "read"]]);
  });

  it("DELETE /repositories/{workspace}/{slug}: 403 without admin, 204 for the owner, then 404", async () => {
    await create("to-delete");
    await client(tokens.service).PUT("/repositories/{workspace}/{repo_slug}/permissions-config/users/{selected_user_id}", { params: { path: { ...repo("to-delete"), selected_user_id: ids.bob.uuid } }, body: { permission: "write" } });
    expect((await client(tokens.bob).DELETE("/repositories/{workspace}/{repo_slug}", { params: { path: repo("to-delete") } })).response.status).toBe(403);
    expect(emulator.inspect.isDeleted("labs/to-delete")).toBe(false);
    const removed = await client(tokens.service).DELETE("/repositories/{workspace}/{repo_slug}", { params: { path: repo("to-delete") } });
    expect(removed.response.status).toBe(204);
    expect(emulator.inspect.isDeleted("labs/to-delete")).toBe(true);
    expect((await client(tokens.service).GET("/repositories/{workspace}/{repo_slug}", { params: { path: repo("to-delete") } })).response.status).toBe(404);
  });

  it("the outage control: 503 for the next request, nothing created meanwhile", async () => {
    const before = emulator.inspect.listWorkspaceRepos("labs");
    await fetch(`${emulator.url}/_emulator/outage`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ requests: 1 }) });
    const down = await create("during-outage");
    expect(down.response.status).toBe(503);
    expect(cloudError.parse(down.error).error?.message).toBe("Service Unavailable");
    expect(emulator.inspect.listWorkspaceRepos("labs")).toEqual(before);
    expect((await client(tokens.service).GET("/user")).response.status).toBe(200);
  });
});
