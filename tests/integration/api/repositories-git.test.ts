import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "../../../e2e/hosts/github/emulator-process";
import { createProject, createUser, type TestUser } from "../helpers/api";
import { bareRepo, call, expectError, readRepoFile } from "./helpers";

describe("remote repositories API on a GitHub Enterprise host", () => {
  let ghe: GitHubEmulatorProcess;
  let user: TestUser;
  let location: string;

  beforeAll(async () => {
    ghe = await startGitHubEmulatorProcess();
    user = await createUser();
    location = `${ghe.url}/${ghe.world.repos.seeded}`;
  }, 60_000);
  afterAll(async () => ghe?.stop());

  const register = async (token: string, name = `ghe-${Math.random().toString(36).slice(2, 8)}`) =>
    call("/api/v1/repositories", { method: "POST", token: user.token, body: { provider: "github-enterprise", name, location, token } });

  it("reports what Test found, including push permission and token expiry, and why it failed", async () => {
    const good = await call("/api/v1/repositories/test", { method: "POST", token: user.token, body: { provider: "github-enterprise", name: "x", location, token: ghe.world.tokens.admin } });
    expect(good.body).toMatchObject({ ok: true, repository: { fullName: ghe.world.repos.seeded, defaultBranch: "main", canPush: true } });
    expect(good.body.tokenExpiresAt).toBe(ghe.world.adminExpiresAt);
    const bad = await call("/api/v1/repositories/test", { method: "POST", token: user.token, body: { provider: "github-enterprise", name: "x", location, token: ghe.world.tokens.bad } });
    expect(bad.body.ok).toBe(false);
    expect(bad.body.message).toMatch(/refused the token/);
    const narrow = await call("/api/v1/repositories/test", { method: "POST", token: user.token, body: { provider: "github-enterprise", name: "x", location: `${ghe.url}/${ghe.world.repos.private}`, token: ghe.world.tokens.narrow } });
    expect(narrow.body.ok).toBe(false);
  });

  it("stores the token's expiry, lists branches and files at a ref, and answers provider failures as upstream errors", async () => {
    const created = await register(ghe.world.tokens.admin);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ provider: "github-enterprise", hasCredentials: true, tokenExpiresAt: ghe.world.adminExpiresAt, tokenExpiresSoon: false });
    expect(created.text).not.toContain(ghe.world.tokens.admin);
    const id = created.body.id;

    const branches = await call(`/api/v1/repositories/${id}/branches`, { token: user.token });
    expect(branches.body.branches.map((b: any) => b.name)).toEqual(expect.arrayContaining(["main", "feature"]));
    const feature = await call(`/api/v1/repositories/${id}/files?ref=feature`, { token: user.token });
    expect(feature.body.files.map((f: any) => f.path)).toEqual(expect.arrayContaining(["README.md", "feature.txt", "src"]));
    const src = await call(`/api/v1/repositories/${id}/files?path=src`, { token: user.token });
    expect(src.body.files).toEqual([expect.objectContaining({ path: "src/app.py", type: "file" })]);

    const limited = await register(ghe.world.tokens.rateLimited);
    const limitedBranches = await call(`/api/v1/repositories/${limited.body.id}/branches`, { token: user.token });
    expectError(limitedBranches, 429, "rate_limited");
    expect(Number(limitedBranches.headers.get("retry-after"))).toBeGreaterThan(0);
    const wrong = await register(ghe.world.tokens.bad);
    expect(wrong.body.lastTest.ok).toBe(false);
    expectError(await call(`/api/v1/repositories/${wrong.body.id}/branches`, { token: user.token }), 502, "upstream_error");
  });

  it("imports files at a ref into a project, and copies the repository with its history into a new project", async () => {
    const repo = (await register(ghe.world.tokens.admin)).body;
    const project = await createProject(user);
    const imported = await call(`/api/v1/repositories/${repo.id}/import`, { method: "POST", token: user.token, body: { projectId: project.id, paths: ["feature.txt", "src"], ref: "feature" } });
    expect(imported.status).toBe(201);
    expect(readRepoFile(project.id, "main", "feature.txt")).toBe("feature\n");
    expect(readRepoFile(project.id, "main", "src/app.py")).toBe("print('hello')\n");
    expect(execFileSync("git", ["--git-dir", bareRepo(project.id), "log", "-1", "--format=%B"], { encoding: "utf8" })).toContain(`${location}@feature`);

    const copy = await call("/api/v1/projects", { method: "POST", token: user.token, body: { name: `copy-${repo.id.slice(0, 6)}`, repositoryId: repo.id } });
    expect(copy.status).toBe(201);
    expect(copy.body.defaultBranch).toBe("main");
    const refs = execFileSync("git", ["--git-dir", bareRepo(copy.body.id), "for-each-ref", "--format=%(refname)"], { encoding: "utf8" });
    expect(refs).toContain("refs/heads/feature");
    expect(readRepoFile(copy.body.id, "main", "README.md")).toBe("# Seeded\n");
    expect(execFileSync("git", ["--git-dir", bareRepo(copy.body.id), "rev-list", "--count", "feature"], { encoding: "utf8" }).trim()).toBe("2");

    // Linked rather than copied: nothing on the internal server, the remote's URL to clone (tests/integration/linked-projects.test.ts goes further).
    const linked = await call("/api/v1/projects", { method: "POST", token: user.token, body: { name: "linked", repositoryId: repo.id, link: true } });
    expect(linked.status, linked.text).toBe(201);
    expect(linked.body).toMatchObject({ backend: "remote", defaultBranch: "main", cloneUrl: expect.stringMatching(/\/acme\/models\.git$/) });
    expect(fs.existsSync(bareRepo(linked.body.id))).toBe(false);
    const stranger = await createUser();
    expectError(await call("/api/v1/projects", { method: "POST", token: stranger.token, body: { name: "steal", repositoryId: repo.id } }), 404, "not_found");
  });
});
