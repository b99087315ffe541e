// The GitLab emulator's Git LFS API, checked against git-lfs's own documents
// (shared/lfs-api-mirror.ts) and driven by the real git-lfs client: downloads
// come from the storage host, uploads go to GitLab with an LFS token.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLfsHome, runGitLfs } from "../shared/git-lfs-client";
import { lfsBatchAnswer, lfsError } from "../shared/lfs-api-mirror";
import { seedGitLabContract, startGitLabEmulator, type GitLabContractSeed, type GitLabEmulator } from "./gitlab-emulator";

let emulator: GitLabEmulator;
let seed: GitLabContractSeed;
let home: string;

const LFS = "application/vnd.git-lfs+json";
const basic = (token: string) => `Basic ${Buffer.from(`oauth2:${token}`).toString("base64")}`;
const content = crypto.randomBytes(2 * 1024 * 1024 + 3);
const oid = crypto.createHash("sha256").update(content).digest("hex");

async function batch(project: string, body: unknown, token: string | null = seed.tokens.admin) {
  const res = await fetch(`${emulator.url}/${project}.git/info/lfs/objects/batch`, {
    method: "POST",
    headers: { accept: LFS, "content-type": LFS, ...(token ? { authorization: basic(token) } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const storageObjects = async () => ((await (await fetch(`${emulator.lfsStorageUrl}/_storage/objects`)).json()) as { objects: { oid: string; size: number }[] }).objects;

beforeAll(async () => {
  emulator = await startGitLabEmulator();
  seed = seedGitLabContract(emulator);
  home = makeLfsHome();
}, 60_000);
afterAll(async () => {
  await emulator?.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

describe("the GitLab emulator's Git LFS", () => {
  it("takes a push and serves a clone with the real git-lfs client", { timeout: 120_000 }, async () => {
    const headers = { Authorization: basic(seed.tokens.admin) };
    const work = path.join(home, "work");
    expect((await runGitLfs(["clone", "-q", `${emulator.url}/${seed.fullName}.git`, work], { home, headers })).code).toBe(0);
    await runGitLfs(["lfs", "track", "*.parquet"], { cwd: work, home });
    fs.writeFileSync(path.join(work, "table.parquet"), content);
    await runGitLfs(["add", ".gitattributes", "table.parquet"], { cwd: work, home });
    await runGitLfs(["commit", "-q", "-m", "A table"], { cwd: work, home });
    const push = await runGitLfs(["push", "origin", "HEAD:main"], { cwd: work, home, headers });
    expect(push.code, push.stderr).toBe(0);
    expect(await storageObjects()).toContainEqual({ oid, size: content.length });

    const again = path.join(home, "again");
    const clone = await runGitLfs(["clone", "-q", `${emulator.url}/${seed.fullName}.git`, again], { home, headers });
    expect(clone.code, clone.stderr).toBe(0);
    expect(fs.readFileSync(path.join(again, "table.parquet")).equals(content)).toBe(true);
  });

  it("answers downloads with signed storage URLs and uploads with GitLab's own URL and an LFS token", async () => {
    const download = await batch(seed.fullName, { operation: "download", objects: [{ oid, size: content.length }] });
    expect(download.status).toBe(200);
    const action = lfsBatchAnswer.parse(download.body).objects[0]!.actions!.download!;
    expect(new URL(action.href).origin).toBe(emulator.lfsStorageUrl);
    expect(action.header).toBeUndefined();

    const fresh = crypto.randomBytes(10);
    const freshOid = crypto.createHash("sha256").update(fresh).digest("hex");
    const upload = lfsBatchAnswer.parse((await batch(seed.fullName, { operation: "upload", objects: [{ oid: freshOid, size: fresh.length }] })).body).objects[0]!.actions!.upload!;
    expect(upload.href).toBe(`${emulator.url}/${seed.fullName}.git/gitlab-lfs/objects/${freshOid}/${fresh.length}`);
    expect(upload.header).toMatchObject({ Authorization: expect.stringMatching(/^Basic /), "Content-Type": "application/octet-stream", "Transfer-Encoding": "chunked" });
    // The LFS token, not the user's own token, authorizes the upload.
    const put = await fetch(upload.href, { method: "PUT", headers: { authorization: upload.header!.Authorization!, "content-type": "application/octet-stream" }, body: new Uint8Array(fresh) });
    expect(put.status).toBe(200);
    expect((await fetch(upload.href, { method: "PUT", headers: { authorization: basic(seed.tokens.admin) }, body: new Uint8Array(fresh) })).status).toBe(401);
    expect(await storageObjects()).toContainEqual({ oid: freshOid, size: fresh.length });
  });

  it("refuses as GitLab does: 401 without a token on a private project, 404 out of sight or with LFS off, 403 for a Reporter's upload", async () => {
    const ask = { operation: "download", objects: [{ oid, size: content.length }] };
    const anonymous = await batch(seed.fullName, ask, null);
    expect(anonymous.status).toBe(401);
    expect((await batch(seed.privateFullName, ask, seed.tokens.outsider)).status).toBe(404);
    const reporter = await batch(seed.fullName, { ...ask, operation: "upload" }, seed.tokens.readOnly);
    expect(reporter.status).toBe(403);
    expect(lfsError.parse(reporter.body).message).toBe("Access forbidden. Check your access level.");
    await fetch(`${emulator.url}/_emulator/lfs`, { method: "POST", body: JSON.stringify({ project: seed.fullName, lfsEnabled: false }) });
    expect(lfsError.parse((await batch(seed.fullName, ask)).body).message).toBe("Not found.");
    await fetch(`${emulator.url}/_emulator/lfs`, { method: "POST", body: JSON.stringify({ project: seed.fullName, lfsEnabled: true }) });
  });
});
