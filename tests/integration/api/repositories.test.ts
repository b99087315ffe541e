import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startS3Server, type S3Server } from "../../../e2e/hosts/s3/start-s3-server";
import { createProject, createUser, type TestUser } from "../helpers/api";
import { call, expectError, readRepoFile } from "./helpers";

const BINARY = Buffer.from([0, 1, 2, 3, 254, 255, 10, 13]);

describe("remote repositories API", () => {
  let s3: S3Server;
  let user: TestUser;

  beforeAll(async () => {
    s3 = await startS3Server({
      buckets: [
        { name: "team-data", objects: { "raw/sales.csv": "region,total\nnorth,10\n", "raw/blob.bin": BINARY, "readme.txt": "bucket readme\n" } },
        { name: "empty-bucket", objects: {} },
      ],
    });
    user = await createUser();
  }, 60_000);
  afterAll(async () => s3?.stop());

  const bucketBody = (overrides: Record<string, unknown> = {}) => ({
    provider: "s3",
    name: `bucket-${Math.random().toString(36).slice(2, 8)}`,
    bucket: "team-data",
    endpoint: s3.endpoint,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    ...overrides,
  });

  it("tests a bucket with what was typed, saying what worked or what failed", async () => {
    const good = await call("/api/v1/repositories/test", { method: "POST", token: user.token, body: bucketBody() });
    expect(good.status).toBe(200);
    expect(good.body.ok).toBe(true);
    expect(good.body.message).toMatch(/team-data/);
    const badKeys = await call("/api/v1/repositories/test", { method: "POST", token: user.token, body: bucketBody({ accessKeyId: "WRONGKEY" }) });
    expect(badKeys.body).toMatchObject({ ok: false });
    expect(badKeys.body.message).toMatch(/key/i);
    const missing = await call("/api/v1/repositories/test", { method: "POST", token: user.token, body: bucketBody({ bucket: "no-such-bucket" }) });
    expect(missing.body.ok).toBe(false);
    expect(missing.body.message).toMatch(/no-such-bucket|not found|does not exist/i);
  });

  it("creates, lists, gets, updates, clears credentials and deletes a bucket, never returning secrets", async () => {
    const created = await call("/api/v1/repositories", { method: "POST", token: user.token, body: bucketBody({ name: "Sales data", description: "Raw exports" }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ provider: "s3", name: "Sales data", location: "s3://team-data", description: "Raw exports", hasCredentials: true });
    expect(created.body.lastTest).toMatchObject({ ok: true });
    expect(created.text).not.toContain(s3.secretAccessKey + "\"");
    for (const key of ["token", "secretAccessKey", "accessKeyId", "sessionToken", "sealedCredentials"]) expect(created.body).not.toHaveProperty(key);
    const id = created.body.id;

    const list = await call("/api/v1/repositories", { token: user.token });
    expect(list.body.repositories.map((r: any) => r.id)).toContain(id);
    const other = await createUser();
    expectError(await call(`/api/v1/repositories/${id}`, { token: other.token }), 404, "not_found");
    expect((await call("/api/v1/repositories", { token: other.token })).body.repositories).toEqual([]);

    const renamed = await call(`/api/v1/repositories/${id}`, { method: "PATCH", token: user.token, body: { name: "Sales exports" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Sales exports", hasCredentials: true });
    expectError(await call(`/api/v1/repositories/${id}`, { method: "PATCH", token: user.token, body: { provider: "github" } }), 400, "invalid_input");

    expect((await call(`/api/v1/repositories/${id}/credentials`, { method: "DELETE", token: user.token })).status).toBe(204);
    const cleared = await call(`/api/v1/repositories/${id}`, { token: user.token });
    expect(cleared.body).toMatchObject({ hasCredentials: false, lastTest: null });
    // What is stored plus the change must still be a valid repository.
    expectError(await call(`/api/v1/repositories/${id}`, { method: "PATCH", token: user.token, body: { accessKeyId: "ONLYTHEID" } }), 400, "invalid_input", ["secretAccessKey"]);
    expect((await call(`/api/v1/repositories/${id}`, { method: "DELETE", token: user.token })).status).toBe(204);
    expectError(await call(`/api/v1/repositories/${id}`, { token: user.token }), 404, "not_found");
  });

  it("lists a bucket by prefix and imports objects into a project byte for byte", async () => {
    const repo = (await call("/api/v1/repositories", { method: "POST", token: user.token, body: bucketBody() })).body;
    const top = await call(`/api/v1/repositories/${repo.id}/files`, { token: user.token });
    expect(top.status).toBe(200);
    expect(top.body.files).toEqual(expect.arrayContaining([expect.objectContaining({ path: "raw", type: "dir" }), expect.objectContaining({ path: "readme.txt", type: "file" })]));
    const raw = await call(`/api/v1/repositories/${repo.id}/files?prefix=raw/`, { token: user.token });
    expect(raw.body.files).toEqual(expect.arrayContaining([expect.objectContaining({ path: "raw/sales.csv", type: "file", size: 22 })]));
    expectError(await call(`/api/v1/repositories/${repo.id}/branches`, { token: user.token }), 400, "invalid_input");

    const project = await createProject(user);
    const imported = await call(`/api/v1/repositories/${repo.id}/import`, { method: "POST", token: user.token, body: { projectId: project.id, paths: ["raw", "readme.txt"] } });
    expect(imported.status).toBe(201);
    expect(imported.body.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(readRepoFile(project.id, imported.body.commit, "raw/sales.csv")).toBe("region,total\nnorth,10\n");
    expect(readRepoFile(project.id, "main", "readme.txt")).toBe("bucket readme\n");
    const bare = path.join(inject("dataDir"), "repos", `${project.id}.git`);
    const { execFileSync } = await import("node:child_process");
    expect(execFileSync("git", ["--git-dir", bare, "cat-file", "blob", "main:raw/blob.bin"]).equals(BINARY)).toBe(true);
    expect(execFileSync("git", ["--git-dir", bare, "log", "-1", "--format=%s"], { encoding: "utf8" })).toMatch(/s3:\/\/team-data/);

    const viewer = await createUser();
    expectError(await call(`/api/v1/repositories/${repo.id}/import`, { method: "POST", token: viewer.token, body: { projectId: project.id, paths: ["readme.txt"] } }), 404, "not_found");
    expectError(await call(`/api/v1/repositories/${repo.id}/import`, { method: "POST", token: user.token, body: { projectId: project.id, paths: ["nope.txt"] } }), 400, "invalid_input");
    expectError(await call(`/api/v1/repositories/${repo.id}/import`, { method: "POST", token: user.token, body: { projectId: project.id, paths: [] } }), 400, "invalid_input", ["paths"]);
  });

  it("validates bodies: unknown provider, malformed or refused locations, missing bucket, required tokens", async () => {
    const post = (body: unknown) => call("/api/v1/repositories", { method: "POST", token: user.token, body });
    expectError(await post({ provider: "sourceforge", name: "x", location: "https://example.com/a/b" }), 400, "invalid_input", ["provider"]);
    expectError(await post({ provider: "github", name: "x", location: "not a url" }), 400, "invalid_input", ["location"]);
    expectError(await post({ provider: "github", name: "x", location: "https://gitlab.com/a/b" }), 400, "invalid_input", ["location"]);
    expectError(await post({ provider: "gitlab-self-managed", name: "x", location: "http://git.example.com/a/b" }), 400, "invalid_input", ["location"]);
    expectError(await post({ provider: "github-enterprise", name: "x", location: "https://10.0.0.5/a/b", token: "t" }), 400, "invalid_input", ["location"]);
    expectError(await post({ provider: "github-enterprise", name: "x", location: "https://ghe.example.com/a/b" }), 400, "invalid_input", ["token"]);
    expectError(await post({ provider: "bitbucket-server", name: "x", location: "https://bb.example.com/projects/K/repos/r" }), 400, "invalid_input", ["token"]);
    expectError(await post({ provider: "s3", name: "x" }), 400, "invalid_input", ["bucket"]);
    expectError(await post({ provider: "s3", name: "x", bucket: "Bad_Bucket" }), 400, "invalid_input", ["bucket"]);
    expectError(await post({ provider: "s3", name: "x", bucket: "ok-bucket", accessKeyId: "only-the-id" }), 400, "invalid_input", ["secretAccessKey"]);
    expectError(await post({ provider: "github", location: "https://github.com/a/b" }), 400, "invalid_input", ["name"]);
    expectError(await post({ provider: "s3", name: "x", bucket: "ok-bucket", endpoint: "http://minio.example.com" }), 400, "invalid_input", ["endpoint"]);
    expectError(await post({ provider: "s3", name: "x", bucket: "ok-bucket", endpoint: "not an address" }), 400, "invalid_input", ["endpoint"]);
    expectError(await call("/api/v1/repositories", { method: "POST", body: bucketBody() }), 401, "unauthorized");
  });

  it("keeps no credential in plain text in the database", async () => {
    const secret = `ghp_${Math.random().toString(36).slice(2)}PLAINTEXTCHECK`;
    const secretKey = `s3secret${Math.random().toString(36).slice(2)}PLAINTEXTCHECK`;
    // The host is unreachable, which is fine: the repository is saved with its failed test.
    const created = await call("/api/v1/repositories", {
      method: "POST",
      token: user.token,
      body: { provider: "github-enterprise", name: "sealed", location: "https://ghe.invalid/acme/models", token: secret },
    });
    expect(created.status).toBe(201);
    expect(created.body.lastTest.ok).toBe(false);
    expect(created.text).not.toContain(secret);
    await call("/api/v1/repositories", { method: "POST", token: user.token, body: bucketBody({ name: "sealed-bucket", secretAccessKey: secretKey }) });
    const dataDir = inject("dataDir");
    for (const file of fs.readdirSync(dataDir).filter((f) => f.startsWith("benchtop.db"))) {
      const bytes = fs.readFileSync(path.join(dataDir, file));
      expect(bytes.includes(Buffer.from(secret)), file).toBe(false);
      expect(bytes.includes(Buffer.from(secretKey)), file).toBe(false);
    }
    const log = fs.readFileSync(path.join(process.cwd(), "test-results", "integration-server.log"), "utf8");
    expect(log).not.toContain(secret);
  });
});
