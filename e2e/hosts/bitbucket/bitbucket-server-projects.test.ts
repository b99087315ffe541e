// The project endpoints the external repository backend calls on Bitbucket
// Server / Data Center, driven with @coderabbitai/bitbucket's client and every
// answer parsed with the zod mirrors of its OpenAPI-generated types; git pushes
// with the real command line prove that each user pushes with their own rights.
import { createBitbucketCloudClient } from "@coderabbitai/bitbucket/cloud";
import { createBitbucketServerClient } from "@coderabbitai/bitbucket/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloneAndPush } from "../shared/git-client";
import { type BitbucketServerEmulator, startBitbucketServerEmulator } from "./bitbucket-server-emulator";
import { serverErrors, serverRepository } from "./openapi-mirror";
import { serverApplicationUser, serverPermittedUserPage, serverProjectPage } from "./org-mirrors";
import { type BitbucketServerProjectWorld, seedServerProjectWorld } from "./org-seed";
import { startEmulatorProcess } from "./start-emulator-process";

let emulator: BitbucketServerEmulator;
let tokens: BitbucketServerProjectWorld["tokens"];

beforeAll(async () => {
  emulator = await startBitbucketServerEmulator();
  tokens = seedServerProjectWorld(emulator).tokens;
});
afterAll(() => emulator?.stop());

const client = (token: string) => createBitbucketServerClient({ baseUrl: `${emulator.url}/rest`, headers: { Accept: "application/json", Authorization: `Bearer ${token}` } });
const repoPath = (slug: string) => ({ projectKey: "LABS", repositorySlug: slug });
const gitUrl = (slug: string) => `${emulator.url}/scm/labs/${slug}.git`;

describe("Bitbucket Server emulator: users and project permissions", () => {
  it("GET /users/{slug}: RestApplicationUser; 404 NoSuchUserException", async () => {
    const { data, response } = await client(tokens.service).GET("/api/latest/users/{userSlug}", { params: { path: { userSlug: "alice" } } });
    expect(response.status).toBe(200);
    expect(serverApplicationUser.parse(data)).toMatchObject({ slug: "alice", name: "alice", displayName: "Alice", active: true, type: "NORMAL" });
    const missing = await client(tokens.service).GET("/api/latest/users/{userSlug}", { params: { path: { userSlug: "nobody" } } });
    expect(missing.response.status).toBe(404);
    expect(serverErrors.parse(missing.error).errors?.[0]?.exceptionName).toMatch(/NoSuchUserException/);
  });

  it("the service account administers the project: permissions/users?filter= says PROJECT_ADMIN, and /projects?permission=PROJECT_ADMIN lists it", async () => {
    const { data } = await client(tokens.service).GET("/api/latest/projects/{projectKey}/permissions/users", { params: { path: { projectKey: "LABS" }, query: { filter: "svc-benchtop" } } });
    const page = serverPermittedUserPage.parse(data);
    expect(page.values?.map((v) => [v.user?.slug, v.permission])).toEqual([["svc-benchtop", "PROJECT_ADMIN"]]);
    const admin = serverProjectPage.parse((await client(tokens.service).GET("/api/latest/projects", { params: { query: { permission: "PROJECT_ADMIN" } } })).data);
    expect(admin.values?.map((p) => p.key)).toEqual(["LABS"]);
    const writer = serverProjectPage.parse((await client(tokens.writer).GET("/api/latest/projects", { params: { query: { permission: "PROJECT_ADMIN" } } })).data);
    expect(writer.values).toEqual([]);
    // Only a project admin may read the project's permissions.
    const refused = await client(tokens.writer).GET("/api/latest/projects/{projectKey}/permissions/users", { params: { path: { projectKey: "LABS" } } });
    expect(refused.response.status).toBe(401);
    expect(serverErrors.parse(refused.error).errors?.[0]?.exceptionName).toMatch(/AuthorisationException/);
  });
});

describe("Bitbucket Server emulator: repositories in a project", () => {
  it("POST /projects/{key}/repos: 201 with an empty repository; 409 for a taken name; 401 without PROJECT_ADMIN", async () => {
    const created = await client(tokens.service).POST("/api/latest/projects/{projectKey}/repos", { params: { path: { projectKey: "LABS" } }, body: { name: "Alice 1", scmId: "git" } });
    expect(created.response.status).toBe(201);
    expect(serverRepository.parse(created.data)).toMatchObject({ slug: "alice-1", name: "Alice 1", public: false, archived: false, project: { key: "LABS" } });
    expect(emulator.inspect.listProjectRepos("LABS")).toEqual(["LABS/alice-1"]);
    expect(emulator.inspect.refs("LABS/alice-1")).toEqual({});

    const again = await client(tokens.service).POST("/api/latest/projects/{projectKey}/repos", { params: { path: { projectKey: "LABS" } }, body: { name: "Alice 1", scmId: "git" } });
    expect(again.response.status).toBe(409);
    expect(serverErrors.parse(again.error).errors?.[0]).toMatchObject({ context: "name" });
    const writer = await client(tokens.writer).POST("/api/latest/projects/{projectKey}/repos", { params: { path: { projectKey: "LABS" } }, body: { name: "x", scmId: "git" } });
    expect(writer.response.status).toBe(401);
    expect(emulator.inspect.listProjectRepos("LABS")).toEqual(["LABS/alice-1"]);
  });

  it("per-user repository permissions: PUT grants (204), git follows them, DELETE revokes (204)", async () => {
    await client(tokens.service).POST("/api/latest/projects/{projectKey}/repos", { params: { path: { projectKey: "LABS" } }, body: { name: "shared-1", scmId: "git" } });
    const granted = await client(tokens.service).PUT("/api/latest/projects/{projectKey}/repos/{repositorySlug}/permissions/users", { params: { path: repoPath("shared-1"), query: { name: ["alice"], permission: "REPO_WRITE" } } });
    expect(granted.response.status).toBe(204);
    expect(emulator.inspect.repoPermissions("LABS/shared-1")).toEqual({ alice: "REPO_WRITE" });

    const alice = await cloneAndPush({ url: gitUrl("shared-1"), authorization: `Bearer ${tokens.alice}` });
    expect(alice.push.code, alice.push.stderr).toBe(0);
    expect(emulator.inspect.refs("LABS/shared-1")["refs/heads/main"]).toBe(alice.commit);
    expect((await cloneAndPush({ url: gitUrl("shared-1"), authorization: `Bearer ${tokens.bob}` })).clone.code).not.toBe(0);

    const listed = serverPermittedUserPage.parse((await client(tokens.service).GET("/api/latest/projects/{projectKey}/repos/{repositorySlug}/permissions/users", { params: { path: repoPath("shared-1") } })).data);
    expect(listed.values?.map((v) => [v.user?.slug, v.permission])).toEqual([["alice", "REPO_WRITE"]]);

    await client(tokens.service).PUT("/api/latest/projects/{projectKey}/repos/{repositorySlug}/permissions/users", { params: { path: repoPath("shared-1"), query: { name: ["alice"], permission: "REPO_READ" } } });
    const reader = await cloneAndPush({ url: gitUrl("shared-1"), authorization: `Bearer ${tokens.alice}` });
    expect(reader.clone.code).toBe(0);
    expect(reader.push.stderr).toMatch(/403/);

    const notAdmin = await client(tokens.alice).PUT("/api/latest/projects/{projectKey}/repos/{repositorySlug}/permissions/users", { params: { path: repoPath("shared-1"), query: { name: ["bob"], permission: "REPO_ADMIN" } } });
    expect(notAdmin.response.status).toBe(401);
    const unknown = await client(tokens.service).PUT("/api/latest/projects/{projectKey}/repos/{repositorySlug}/permissions/users", { params: { path: repoPath("shared-1"), query: { name: ["nobody"], permission: "REPO_READ" } } });
    expect(unknown.response.status).toBe(404);

    const revoked = await client(tokens.service).DELETE("/api/latest/projects/{projectKey}/repos/{repositorySlug}/permissions/users", { params: { path: repoPath("shared-1"), query: { name: "alice" } } });
    expect(revoked.response.status).toBe(204);
    expect(emulator.inspect.repoPermissions("LABS/shared-1")).toEqual({});
    expect((await cloneAndPush({ url: gitUrl("shared-1"), authorization: `Bearer ${tokens.alice}` })).clone.code).not.toBe(0);
  });

  it("PUT {archived: true} answers 201 and the repository refuses pushes; DELETE answers 202, admins only", async () => {
    await client(tokens.service).POST("/api/latest/projects/{projectKey}/repos", { params: { path: { projectKey: "LABS" } }, body: { name: "to-archive", scmId: "git" } });
    const archived = await client(tokens.service).PUT("/api/latest/projects/{projectKey}/repos/{repositorySlug}", { params: { path: repoPath("to-archive") }, body: { archived: true } });
    expect(archived.response.status).toBe(201);
    expect(serverRepository.parse(archived.data).archived).toBe(true);
    expect(emulator.inspect.isArchived("LABS/to-archive")).toBe(true);
    const push = await cloneAndPush({ url: gitUrl("to-archive"), authorization: `Bearer ${tokens.writer}` });
    expect(push.clone.code).toBe(0);
    expect(push.push.stderr).toMatch(/403/);
    expect(emulator.inspect.refs("LABS/to-archive")).toEqual({});

    const refused = await client(tokens.writer).DELETE("/api/latest/projects/{projectKey}/repos/{repositorySlug}", { params: { path: repoPath("to-archive") } });
    expect(refused.response.status).toBe(401);
    const removed = await client(tokens.service).DELETE("/api/latest/projects/{projectKey}/repos/{repositorySlug}", { params: { path: repoPath("to-archive") } });
    expect(removed.response.status).toBe(202);
    expect(emulator.inspect.isDeleted("LABS/to-archive")).toBe(true);
    expect((await client(tokens.service).GET("/api/latest/projects/{projectKey}/repos/{repositorySlug}", { params: { path: repoPath("to-archive") } })).response.status).toBe(404);
    const again = await client(tokens.service).DELETE("/api/latest/projects/{projectKey}/repos/{repositorySlug}", { params: { path: repoPath("to-archive") } });
    expect(again.response.status).toBe(204);
  });

  it("the outage control: 503 RestErrors for the next request, nothing created meanwhile", async () => {
    const before = emulator.inspect.listProjectRepos("LABS");
    await fetch(`${emulator.url}/_emulator/outage`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ requests: 1 }) });
    const down = await client(tokens.service).POST("/api/latest/projects/{projectKey}/repos", { params: { path: { projectKey: "LABS" } }, body: { name: "during-outage", scmId: "git" } });
    expect(down.response.status).toBe(503);
    expect(serverErrors.parse(down.error).errors?.[0]?.message).toMatch(/unavailable/);
    expect(emulator.inspect.listProjectRepos("LABS")).toEqual(before);
    expect((await client(tokens.service).GET("/api/latest/users/{userSlug}", { params: { path: { userSlug: "alice" } } })).response.status).toBe(200);
  });
});

describe("Bitbucket emulators in a child process: the project and workspace worlds beside the contract seed", () => {
  it("Server: the service account creates a repository, read back with GET /_emulator/inspect", async () => {
    const child = await startEmulatorProcess("server");
    try {
      const server = createBitbucketServerClient({ baseUrl: `${child.url}/rest`, headers: { Authorization: `Bearer ${child.world.tokens.service}` } });
      expect((await server.POST("/api/latest/projects/{projectKey}/repos", { params: { path: { projectKey: child.world.project } }, body: { name: "from-child", scmId: "git" } })).response.status).toBe(201);
      const report = await (await fetch(`${child.url}/_emulator/inspect?repo=LABS/from-child`)).json();
      expect(report).toEqual({ repo: "LABS/from-child", deleted: false, archived: false, permissions: {}, refs: {} });
    } finally {
      await child.stop();
    }
  }, 60_000);

  it("Cloud: the workspace owner creates a repository, read back with GET /_emulator/inspect", async () => {
    const child = await startEmulatorProcess("cloud");
    try {
      const cloud = createBitbucketCloudClient({ baseUrl: child.apiRoot, headers: { Authorization: `Bearer ${child.world.service.token}` } });
      const path = { workspace: child.world.workspace, repo_slug: "from-child" };
      expect((await cloud.POST("/repositories/{workspace}/{repo_slug}", { params: { path }, body: { type: "repository", scm: "git", is_private: true } })).response.status).toBe(200);
      const report = await (await fetch(`${child.url}/_emulator/inspect?repo=labs/from-child`)).json();
      expect(report).toEqual({ repo: "labs/from-child", deleted: false, archived: null, permissions: {}, refs: {} });
    } finally {
      await child.stop();
    }
  }, 60_000);
});
