// The GitHub emulator's Git LFS API, checked against git-lfs's own documents
// (shared/lfs-api-mirror.ts) and driven by the real git-lfs client; its
// storage host checks signatures, expiry, headers and content.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLfsHome, runGitLfs } from "../shared/git-lfs-client";
import { lfsBatchAnswer, lfsError, lfsLockAnswer, lfsLockList, lfsLockVerify } from "../shared/lfs-api-mirror";
import { type GitHubContractWorld, seedGitHubContractWorld } from "./contract-seed";
import { type GitHubEmulator, startGitHubEmulator } from "./github-emulator";

let emulator: GitHubEmulator;
let world: GitHubContractWorld;
let home: string;

const LFS = "application/vnd.git-lfs+json";
const basic = (token: string) => `Basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;
const content = crypto.randomBytes(3 * 1024 * 1024 + 17);
const oid = crypto.createHash("sha256").update(content).digest("hex");

async function batch(repo: string, body: unknown, { token = world.tokens.admin as string | null, accept = LFS } = {}) {
  const res = await fetch(`${emulator.url}/${repo}.git/info/lfs/objects/batch`, {
    method: "POST",
    headers: { ...(accept ? { accept } : {}), "content-type": LFS, ...(token ? { authorization: basic(token) } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const control = (body: unknown) => fetch(`${emulator.url}/_emulator/lfs`, { method: "POST", body: JSON.stringify(body) });
const storageObjects = async () => ((await (await fetch(`${emulator.lfsStorageUrl}/_storage/objects`)).json()) as { objects: { oid: string; size: number }[] }).objects;

beforeAll(async () => {
  emulator = await startGitHubEmulator();
  world = seedGitHubContractWorld(emulator);
  emulator.seed.addRepo({ owner: "acme", name: "lfs-data", branches: [] });
  home = makeLfsHome();
}, 60_000);
afterAll(async () => {
  await emulator?.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

describe("the GitHub emulator's Git LFS", () => {
  it("takes a push and serves a clone with the real git-lfs client; the object lands on the storage host", { timeout: 120_000 }, async () => {
    const headers = { Authorization: basic(world.tokens.admin) };
    const work = path.join(home, "work");
    expect((await runGitLfs(["clone", "-q", `${emulator.url}/acme/lfs-data.git`, work], { home, headers })).code).toBe(0);
    await runGitLfs(["lfs", "track", "*.bin"], { cwd: work, home });
    fs.writeFileSync(path.join(work, "model.bin"), content);
    await runGitLfs(["add", ".gitattributes", "model.bin"], { cwd: work, home });
    await runGitLfs(["commit", "-q", "-m", "A model"], { cwd: work, home });
    const push = await runGitLfs(["push", "origin", "HEAD:main"], { cwd: work, home, headers });
    expect(push.code, push.stderr).toBe(0);
    expect(await storageObjects()).toContainEqual({ oid, size: content.length });

    const again = path.join(home, "again");
    const clone = await runGitLfs(["clone", "-q", `${emulator.url}/acme/lfs-data.git`, again], { home, headers });
    expect(clone.code, clone.stderr).toBe(0);
    expect(fs.readFileSync(path.join(again, "model.bin")).equals(content)).toBe(true);
  });

  it("answers the batch API as git-lfs documents it, with transfers on the storage host", async () => {
    const download = await batch("acme/lfs-data", { operation: "download", transfers: ["basic"], objects: [{ oid, size: content.length }, { oid: "0".repeat(64), size: 1 }] });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toMatch(/^application\/vnd\.git-lfs\+json/);
    const answer = lfsBatchAnswer.parse(download.body);
    const action = answer.objects[0]!.actions!.download!;
    expect(new URL(action.href).origin).toBe(emulator.lfsStorageUrl);
    expect(action.href).toMatch(/X-Amz-Signature=/);
    expect(action.header?.Authorization).toMatch(/^RemoteAuth /);
    expect(answer.objects[1]!.error).toEqual({ code: 404, message: expect.any(String) });

    const upload = lfsBatchAnswer.parse((await batch("acme/lfs-data", { operation: "upload", objects: [{ oid, size: content.length }, { oid: "1".repeat(64), size: 5 }] })).body);
    // Already stored: no actions. New: an upload to the storage host and a verify callback on GitHub's side.
    expect(upload.objects[0]!.actions).toBeUndefined();
    expect(new URL(upload.objects[1]!.actions!.upload!.href).origin).toBe(emulator.lfsStorageUrl);
    expect(new URL(upload.objects[1]!.actions!.verify!.href).origin).toBe(emulator.url);
  });

  it("refuses as GitHub does: 406 without the LFS media type, 401, 404, 403 for uploads without push access and without the app", async () => {
    const ask = { operation: "download", objects: [{ oid, size: content.length }] };
    const cases = [
      [await batch("acme/lfs-data", ask, { accept: "application/json" }), 406],
      [await batch("acme/lfs-data", ask, { token: world.tokens.bad }), 401],
      [await batch("acme/secret", ask, { token: world.tokens.outsider }), 404],
      [await batch("acme/models", { ...ask, operation: "upload" }, { token: world.tokens.readOnly }), 403],
    ] as const;
    for (const [res, status] of cases) {
      expect(res.status).toBe(status);
      lfsError.parse(res.body);
    }
    expect(cases[1][0].headers.get("lfs-authenticate")).toBe('Basic realm="GitHub"');

    await control({ repo: "acme/lfs-data", appInstalled: false });
    const refused = await batch("acme/lfs-data", ask);
    expect(refused.status).toBe(403);
    expect(lfsError.parse(refused.body).message).toBe("Resource not accessible by integration");
    await control({ repo: "acme/lfs-data", appInstalled: true });
  });

  it("the storage host checks the signature, the expiry, the action header and the content", async () => {
    const bytes = Buffer.from("forty-two bytes of content, give or take.\n");
    const newOid = crypto.createHash("sha256").update(bytes).digest("hex");
    const { upload, verify } = lfsBatchAnswer.parse((await batch("acme/lfs-data", { operation: "upload", objects: [{ oid: newOid, size: bytes.length }] })).body).objects[0]!.actions!;
    const put = (href: string, body: Buffer, header = upload!.header) => fetch(href, { method: "PUT", headers: header, body: new Uint8Array(body) });
    const tampered = upload!.href.replace(/X-Amz-Signature=(.)/, (_m, c: string) => `X-Amz-Signature=${c === "a" ? "b" : "a"}`);
    expect((await put(tampered, bytes)).status).toBe(403);
    expect((await put(upload!.href, bytes, {})).status).toBe(403);
    const wrong = Buffer.from(bytes);
    wrong[0] = wrong[0]! ^ 1;
    const bad = await put(upload!.href, wrong);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/BadDigest/);
    expect((await storageObjects()).map((o) => o.oid)).not.toContain(newOid);

    const good = await put(upload!.href, bytes);
    expect(good.status).toBe(200);
    const verified = await fetch(verify!.href, { method: "POST", headers: { ...verify!.header, "content-type": LFS, accept: LFS }, body: JSON.stringify({ oid: newOid, size: bytes.length }) });
    expect(verified.status).toBe(200);

    await control({ repo: "acme/lfs-data", expiresIn: -60 });
    const expired = lfsBatchAnswer.parse((await batch("acme/lfs-data", { operation: "download", objects: [{ oid: newOid, size: bytes.length }] })).body).objects[0]!.actions!.download!;
    expect(expired.expires_in).toBe(-60);
    expect((await fetch(expired.href, { headers: expired.header })).status).toBe(403);
    await control({ repo: "acme/lfs-data", expiresIn: 3600 });
  });

  it("keeps file locks: create, list, verify, unlock", async () => {
    const locks = (suffix: string, init: RequestInit = {}, token = world.tokens.admin) =>
      fetch(`${emulator.url}/acme/lfs-data.git/info/lfs/${suffix}`, { ...init, headers: { accept: LFS, "content-type": LFS, authorization: basic(token) } }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const created = await locks("locks", { method: "POST", body: JSON.stringify({ path: "model.bin", ref: { name: "refs/heads/main" } }) });
    expect(created.status).toBe(201);
    const { lock } = lfsLockAnswer.parse(created.body);
    expect(lock.owner?.name).toBe("octocat");
    const clash = await locks("locks", { method: "POST", body: JSON.stringify({ path: "model.bin" }) });
    expect(clash.status).toBe(409);
    lfsLockAnswer.parse(clash.body);
    expect(lfsLockList.parse((await locks("locks?path=model.bin")).body).locks).toHaveLength(1);
    expect(lfsLockVerify.parse((await locks("locks/verify", { method: "POST", body: "{}" })).body).ours).toHaveLength(1);
    expect((await locks("locks", { method: "POST", body: JSON.stringify({ path: "x.bin" }) }, world.tokens.readOnly)).status).toBe(403);
    expect(lfsLockAnswer.parse((await locks(`locks/${lock.id}/unlock`, { method: "POST", body: "{}" })).body).lock.id).toBe(lock.id);
    expect(lfsLockList.parse((await locks("locks")).body).locks).toHaveLength(0);
  });
});
