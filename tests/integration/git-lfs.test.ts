// Benchtop's git server speaks the Git LFS API (batch, basic transfers, verify,
// locks), checked with the real `git lfs` client and, where a client would never
// send it, raw HTTP: authorization by role, refusals in words, nothing kept of
// a bad upload, the admin's size limit, objects shared by copies.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminToken, api, baseUrl, createProject, createUser, share, signInBrowser, unique, type TestUser } from "./helpers/api";
import { tempDir } from "./helpers/git";
import { credentialHelper, lfsGit, lfsGitOk, sha256File, storedObject } from "./helpers/git-lfs";

type Project = Awaited<ReturnType<typeof createProject>>;

const LFS_JSON = "application/vnd.git-lfs+json";
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const basic = (token: string) => `Basic ${Buffer.from(`git:${token}`).toString("base64")}`;
const dataDir = () => inject("dataDir");

type Clone = Awaited<ReturnType<typeof lfsClone>>;

/** A clone with Git LFS set up, its git commands authenticated by `user`'s token through a credential helper. */
async function lfsClone(project: Project, user: TestUser) {
  const dir = path.join(tempDir("benchtop-lfs-"), "work");
  const auth = credentialHelper(user.token);
  await lfsGitOk([...auth, "clone", "-q", project.cloneUrl, dir]);
  await lfsGitOk(["lfs", "install", "--local"], { cwd: dir });
  return {
    dir,
    run: (args: string[]) => lfsGit([...auth, ...args], { cwd: dir }),
    ok: (args: string[]) => lfsGitOk([...auth, ...args], { cwd: dir }),
  };
}

/** Adds a random .bin file tracked by Git LFS and commits it; answers its oid. */
async function commitBinary(clone: Clone, file: string, bytes = 50_000): Promise<string> {
  await clone.ok(["lfs", "track", "*.bin"]);
  const data = randomBytes(bytes);
  fs.mkdirSync(path.dirname(path.join(clone.dir, file)), { recursive: true });
  fs.writeFileSync(path.join(clone.dir, file), data);
  await clone.ok(["add", ".gitattributes", file]);
  await clone.ok(["commit", "-q", "-m", `Add ${file}`]);
  return sha256(data);
}

const lfsUrl = (project: Project) => `${project.cloneUrl}/info/lfs`;

async function lfsRequest(url: string, { method = "POST", token, body, headers = {} }: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(url, {
    method,
    headers: { accept: LFS_JSON, ...(body !== undefined ? { "content-type": LFS_JSON } : {}), ...(token ? { authorization: basic(token) } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

const batch = (project: Project, token: string, operation: "upload" | "download", objects: { oid: string; size: number }[]) =>
  lfsRequest(`${lfsUrl(project)}/objects/batch`, { token, body: { operation, transfers: ["basic"], objects } });

const auditActions = async (project: Project, token: string, action: string) =>
  (await api(`/api/v1/projects/${project.id}/audit?action=${action}`, { token })).body.events as { actor: { email: string }; detail: Record<string, unknown> }[];

describe("Git LFS on Benchtop's git server", () => {
  let owner: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let project: Project;

  beforeAll(async () => {
    [owner, editor, viewer, stranger] = await Promise.all([createUser({ name: "Owner" }), createUser({ name: "Editor" }), createUser({ name: "Viewer" }), createUser({ name: "Stranger" })]);
    project = await createProject(owner);
    await share(project, owner, editor, "editor");
    await share(project, owner, viewer, "viewer");
  });

  it("takes a push with git lfs and serves the content to a reader's clone, with no credential in the batch answer", async () => {
    const work = await lfsClone(project, owner);
    const oid = await commitBinary(work, "data/sample.bin");
    await work.ok(["push", "-q", "origin", "main"]);
    expect(fs.existsSync(storedObject(dataDir(), oid))).toBe(true);

    const reader = await lfsClone(project, viewer);
    expect(await sha256File(path.join(reader.dir, "data/sample.bin"))).toBe(oid);
    expect(await reader.ok(["lfs", "fsck"])).toContain("Git LFS fsck OK");

    // The transfer URLs are the clone URL's; the client sends its own credential to them again.
    const answer = await batch(project, viewer.token, "download", [{ oid, size: 50_000 }]);
    expect(answer.headers.get("content-type")).toBe(LFS_JSON);
    expect(answer.body).toEqual({ transfer: "basic", hash_algo: "sha256", objects: [{ oid, size: 50_000, actions: { download: { href: `${lfsUrl(project)}/objects/${oid}` } } }] });
  });

  it("refuses a viewer's upload with words that say what to do, and keeps nothing", async () => {
    const work = await lfsClone(project, viewer);
    const oid = await commitBinary(work, "viewer.bin");
    const push = await work.run(["push", "origin", "main"]);
    expect(push.status).not.toBe(0);
    expect(push.stderr).toContain("You can read this project but not push to it. Ask its owner for the editor role.");
    expect(fs.existsSync(storedObject(dataDir(), oid))).toBe(false);

    const refused = await batch(project, viewer.token, "upload", [{ oid, size: 50_000 }]);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain("Ask its owner for the editor role");
  });

  it("answers like git for callers without access: a challenge without a credential, not found for a project they cannot see", async () => {
    const anonymous = await lfsRequest(`${lfsUrl(project)}/objects/batch`, { body: { operation: "download", objects: [] } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("lfs-authenticate")).toContain("Basic");
    expect(anonymous.body.message).toContain("personal access token");

    const hidden = await batch(project, stranger.token, "download", []);
    const missing = await lfsRequest(`${baseUrl()}/git/${owner.handle}/${unique("none-")}.git/info/lfs/objects/batch`, { token: stranger.token, body: { operation: "download", objects: [] } });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
  });

  it("takes the browser's session from Benchtop's own pages only", async () => {
    const cookie = await signInBrowser(owner);
    const body = { operation: "download", objects: [] };
    const sameSite = await lfsRequest(`${lfsUrl(project)}/objects/batch`, { body, headers: { cookie, origin: baseUrl() } });
    expect(sameSite.status).toBe(200);
    const crossSite = await lfsRequest(`${lfsUrl(project)}/objects/batch`, { body, headers: { cookie, origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.message).toContain("personal access token");
  });

  it("refuses an upload whose content does not match its oid, keeping nothing on disk", async () => {
    const claimed = sha256(Buffer.from("what the pointer promised"));
    const sent = randomBytes(100_000);
    const response = await fetch(`${lfsUrl(project)}/objects/${claimed}`, {
      method: "PUT",
      headers: { authorization: basic(editor.token), "content-type": "application/octet-stream" },
      body: sent,
    });
    const answer = await response.json();
    expect(response.status).toBe(422);
    expect(answer.message).toContain(`not ${claimed}`);
    expect(answer.message).toContain("kept none of it");
    expect(fs.existsSync(storedObject(dataDir(), claimed))).toBe(false);
    expect(fs.existsSync(storedObject(dataDir(), sha256(sent)))).toBe(false);
    const uploads = path.join(dataDir(), "lfs", "tmp");
    expect((fs.existsSync(uploads) ? fs.readdirSync(uploads) : []).filter((name) => name.startsWith(claimed))).toEqual([]);

    // The object was never kept: a download of it is "Object does not exist", and verify says so too.
    const download = await batch(project, editor.token, "download", [{ oid: claimed, size: 25 }]);
    expect(download.body.objects[0].error).toEqual({ code: 404, message: "Object does not exist" });
    const verify = await lfsRequest(`${lfsUrl(project)}/objects/verify`, { token: editor.token, body: { oid: claimed, size: 25 } });
    expect(verify.status).toBe(404);
  });

  describe("the size limit", () => {
    afterAll(async () => {
      await api("/api/v1/admin/lfs", { method: "PUT", token: await adminToken(), body: { maxObjectBytes: 5 * 1024 ** 3 } });
    });

    it("is the administrator's (5 GB by default), audited, and refuses a larger object per object, naming the setting", async () => {
      const admin = await adminToken();
      expect((await api("/api/v1/admin/lfs", { token: admin })).body).toEqual({ maxObjectBytes: 5 * 1024 ** 3, defaultMaxObjectBytes: 5 * 1024 ** 3 });
      expect((await api("/api/v1/admin/lfs", { token: owner.token })).status).toBe(403);
      const invalid = await api("/api/v1/admin/lfs", { method: "PUT", token: admin, body: { maxObjectBytes: 0 } });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.fields.maxObjectBytes).toBeDefined();

      const set = await api("/api/v1/admin/lfs", { method: "PUT", token: admin, body: { maxObjectBytes: 1024 * 1024 } });
      expect(set.body.maxObjectBytes).toBe(1024 * 1024);
      const audit = await api("/api/v1/admin/audit?action=admin.lfs_updated", { token: admin });
      expect(audit.body.events[0].detail).toEqual({ maxObjectBytes: 1024 * 1024, previous: 5 * 1024 ** 3 });

      const work = await lfsClone(project, editor);
      const oid = await commitBinary(work, "too-big.bin", 2 * 1024 * 1024);
      const push = await work.run(["push", "origin", "main"]);
      expect(push.status).not.toBe(0);
      expect(push.stderr).toContain("over the 1.0 MB Benchtop takes per Git LFS object");
      expect(push.stderr).toContain("lfs.maxObjectBytes");
      expect(fs.existsSync(storedObject(dataDir(), oid))).toBe(false);

      // An upload sent anyway, without a batch, is refused before it is read.
      const direct = await fetch(`${lfsUrl(project)}/objects/${oid}`, {
        method: "PUT",
        headers: { authorization: basic(editor.token) },
        body: fs.readFileSync(path.join(work.dir, "too-big.bin")),
      });
      expect(direct.status).toBe(413);
      expect((await direct.json()).message).toContain("lfs.maxObjectBytes");
      expect(fs.existsSync(storedObject(dataDir(), oid))).toBe(false);
    });
  });

  it("locks files: lock, list, a push of another's locked file halted, unlock, and the owner forcing a lock open", async () => {
    const mine = await lfsClone(project, editor);
    await commitBinary(mine, "models/net.bin");
    await mine.ok(["push", "-q", "origin", "main"]);
    expect(await mine.ok(["lfs", "lock", "models/net.bin"])).toContain("Locked models/net.bin");

    const theirs = await lfsClone(project, owner);
    expect(await theirs.ok(["lfs", "locks"])).toMatch(new RegExp(`models/net\\.bin\\s+${editor.handle}\\s+ID:`));
    const taken = await theirs.run(["lfs", "lock", "models/net.bin"]);
    expect(taken.status).not.toBe(0);
    expect(taken.stderr).toContain(`models/net.bin is locked by ${editor.handle}`);

    // git lfs checks the locks before a push (lfs.locksverify) and halts one that changes another's locked file.
    fs.writeFileSync(path.join(theirs.dir, "models/net.bin"), randomBytes(1000));
    await theirs.ok(["commit", "-q", "-am", "Retrain"]);
    const halted = await theirs.run(["-c", "lfs.locksverify=true", "push", "origin", "main"]);
    expect(halted.status).not.toBe(0);
    expect(halted.stdout + halted.stderr).toContain("Unable to push locked files");
    expect(halted.stdout).toContain(`models/net.bin - ${editor.handle}`);

    // Only the holder unlocks without force; another editor cannot force it; the project's owner can.
    const locks = await lfsRequest(`${lfsUrl(project)}/locks?path=models/net.bin`, { method: "GET", token: viewer.token });
    const lockId = locks.body.locks[0].id as string;
    expect(locks.body.locks[0]).toEqual({ id: lockId, path: "models/net.bin", locked_at: expect.any(String), owner: { name: editor.handle } });
    const unforced = await theirs.run(["lfs", "unlock", "models/net.bin"]);
    expect(unforced.status).not.toBe(0);
    const other = await createUser({ name: "Other editor" });
    await share(project, owner, other, "editor");
    const byEditor = await lfsRequest(`${lfsUrl(project)}/locks/${lockId}/unlock`, { token: other.token, body: { force: true } });
    expect(byEditor.status).toBe(403);
    expect(byEditor.body.message).toContain(`ask ${editor.handle} to unlock it`);
    expect(await theirs.ok(["lfs", "unlock", "--force", "models/net.bin"])).toContain("Unlocked models/net.bin");
    expect((await theirs.ok(["lfs", "locks"])).trim()).toBe("");
    await theirs.ok(["-c", "lfs.locksverify=true", "push", "-q", "origin", "main"]);

    // A viewer lists locks but takes none.
    const byViewer = await lfsRequest(`${lfsUrl(project)}/locks`, { token: viewer.token, body: { path: "models/net.bin" } });
    expect(byViewer.status).toBe(403);

    const locked = await auditActions(project, owner.token, "lfs.locked");
    expect(locked[0]).toMatchObject({ actor: { email: editor.email }, detail: { lockId, path: "models/net.bin" } });
    const unlocked = await auditActions(project, owner.token, "lfs.unlocked");
    expect(unlocked[0]).toMatchObject({ actor: { email: owner.email }, detail: { lockId, path: "models/net.bin", owner: editor.handle, forced: true } });
  });

  it("pages through locks with the cursor the server gives, and splits them into ours and theirs for a push", async () => {
    const paged = await createProject(owner);
    await share(paged, owner, editor, "editor");
    for (const [user, file] of [[owner, "a.bin"], [editor, "b.bin"], [owner, "c.bin"]] as const) {
      const created = await lfsRequest(`${lfsUrl(paged)}/locks`, { token: user.token, body: { path: file } });
      expect(created.status).toBe(201);
    }
    const conflict = await lfsRequest(`${lfsUrl(paged)}/locks`, { token: editor.token, body: { path: "a.bin" } });
    expect(conflict.status).toBe(409);
    expect(conflict.body.lock).toMatchObject({ path: "a.bin", owner: { name: owner.handle } });

    const first = await lfsRequest(`${lfsUrl(paged)}/locks?limit=2`, { method: "GET", token: editor.token });
    expect(first.body.locks.map((lock: { path: string }) => lock.path)).toEqual(["a.bin", "b.bin"]);
    const second = await lfsRequest(`${lfsUrl(paged)}/locks?limit=2&cursor=${first.body.next_cursor}`, { method: "GET", token: editor.token });
    expect(second.body.locks.map((lock: { path: string }) => lock.path)).toEqual(["c.bin"]);
    expect(second.body.next_cursor).toBeUndefined();

    const verify = await lfsRequest(`${lfsUrl(paged)}/locks/verify`, { token: editor.token, body: {} });
    expect(verify.body.ours.map((lock: { path: string }) => lock.path)).toEqual(["b.bin"]);
    expect(verify.body.theirs.map((lock: { path: string }) => lock.path)).toEqual(["a.bin", "c.bin"]);
  });

  it("deletes a project's objects with it, keeping those a copy still refers to", async () => {
    const original = await createProject(owner);
    const work = await lfsClone(original, owner);
    const shared = await commitBinary(work, "shared.bin");
    await work.ok(["push", "-q", "origin", "main"]);

    const copied = await api(`/api/v1/projects/${original.id}/copy`, { method: "POST", token: owner.token, body: { name: unique("copy-") } });
    expect(copied.status).toBe(201);
    const copy = copied.body as Project;
    // The copy's own object, pushed after the copy: it goes with the copy alone.
    const copyWork = await lfsClone(copy, owner);
    expect(await sha256File(path.join(copyWork.dir, "shared.bin"))).toBe(shared);
    const own = await commitBinary(copyWork, "own.bin");
    await copyWork.ok(["push", "-q", "origin", "main"]);

    expect((await api(`/api/v1/projects/${original.id}`, { method: "DELETE", token: owner.token })).status).toBe(204);
    expect(fs.existsSync(storedObject(dataDir(), shared))).toBe(true);
    const again = await lfsClone(copy, owner);
    expect(await sha256File(path.join(again.dir, "shared.bin"))).toBe(shared);

    expect((await api(`/api/v1/projects/${copy.id}`, { method: "DELETE", token: owner.token })).status).toBe(204);
    expect(fs.existsSync(storedObject(dataDir(), shared))).toBe(false);
    expect(fs.existsSync(storedObject(dataDir(), own))).toBe(false);
  });
});
