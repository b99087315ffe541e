import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyLfsObjectRefs, deleteProjectRow, getProjectLfsObject, insertProject, insertUser, lfsObjectExists } from "../db";
import { keepObject, lfsUploadsDir, removeUnreferencedObjects, serverLfsObjectFile } from "../lfs-objects";
import { readObject } from "./read-object";
import { receiveObject } from "./receive-object";
import { removeLfsLeftovers } from "./remove-objects";

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** A body as a request gives it, in several chunks. */
function bodyOf(data: Buffer): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= data.length) return controller.close();
      controller.enqueue(data.subarray(offset, offset + 1000));
      offset += 1000;
    },
  });
}

const leftInUploads = () => (fs.existsSync(lfsUploadsDir()) ? fs.readdirSync(lfsUploadsDir()) : []);

function newProject() {
  const handle = `u${randomBytes(4).toString("hex")}`;
  const owner = insertUser({ email: `${handle}@example.test`, name: "Owner", handle, passwordHash: "x", role: "user" });
  return insertProject({ ownerId: owner.id, name: `p${randomBytes(3).toString("hex")}`, description: "", defaultBranch: "main" });
}

async function upload(projectId: string, data: Buffer) {
  const oid = sha256(data);
  const received = await receiveObject({ body: bodyOf(data), oid, maxObjectBytes: 1_000_000 });
  if (!received.ok) throw new Error(received.message);
  keepObject({ projectId, oid, size: received.size, tempFile: received.tempFile });
  return oid;
}

async function readAll(oid: string): Promise<Buffer> {
  const object = await readObject(oid);
  if (!object) throw new Error("missing");
  const chunks: Uint8Array[] = [];
  for await (const chunk of object.body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe("receiving objects", () => {
  it("keeps content whose SHA-256 is its oid, at objects/{xx}/{yy}/{oid}, and reads it back", async () => {
    const project = newProject();
    const data = randomBytes(250_000);
    const oid = await upload(project.id, data);
    expect(serverLfsObjectFile(oid)).toMatch(new RegExp(`/lfs/objects/${oid.slice(0, 2)}/${oid.slice(2, 4)}/${oid}$`));
    expect(getProjectLfsObject({ projectId: project.id, oid })).toEqual({ oid, size: data.length });
    expect((await readAll(oid)).equals(data)).toBe(true);
    expect(leftInUploads()).toEqual([]);
  });

  it("keeps nothing of content that does not match its oid, or that passes the limit", async () => {
    const data = randomBytes(5000);
    const wrong = await receiveObject({ body: bodyOf(data), oid: "0".repeat(64), maxObjectBytes: 1_000_000 });
    expect(wrong).toEqual({ ok: false, status: 422, message: expect.stringContaining(sha256(data)) });
    const big = await receiveObject({ body: bodyOf(data), oid: sha256(data), maxObjectBytes: 4000 });
    expect(big).toEqual({ ok: false, status: 413, message: expect.stringContaining("lfs.maxObjectBytes") });
    expect(leftInUploads()).toEqual([]);
    expect(fs.existsSync(serverLfsObjectFile(sha256(data)))).toBe(false);
    expect(lfsObjectExists({ oid: sha256(data) })).toBe(false);
  });
});

describe("removing objects", () => {
  it("removes an object once no project refers to it, keeping it while a copy does", async () => {
    const original = newProject();
    const copy = newProject();
    const shared = await upload(original.id, randomBytes(3000));
    const own = await upload(original.id, randomBytes(3000));
    copyLfsObjectRefs({ fromProjectId: original.id, toProjectId: copy.id });
    expect(getProjectLfsObject({ projectId: copy.id, oid: shared })).toBeDefined();

    deleteProjectRow({ id: original.id });
    removeUnreferencedObjects();
    expect(fs.existsSync(serverLfsObjectFile(shared))).toBe(true);
    expect(fs.existsSync(serverLfsObjectFile(own))).toBe(true);

    deleteProjectRow({ id: copy.id });
    removeUnreferencedObjects();
    for (const oid of [shared, own]) {
      expect(fs.existsSync(serverLfsObjectFile(oid))).toBe(false);
      expect(lfsObjectExists({ oid })).toBe(false);
    }
  });

  it("at start removes files without a row and abandoned uploads, keeping recorded objects and uploads under way", async () => {
    const project = newProject();
    const kept = await upload(project.id, randomBytes(2000));
    // A file moved into place by a server that stopped before its row was written.
    const stray = sha256(randomBytes(10));
    fs.mkdirSync(path.dirname(serverLfsObjectFile(stray)), { recursive: true });
    fs.writeFileSync(serverLfsObjectFile(stray), "half");
    fs.mkdirSync(lfsUploadsDir(), { recursive: true });
    const abandoned = path.join(lfsUploadsDir(), "abandoned");
    const current = path.join(lfsUploadsDir(), "current");
    fs.writeFileSync(abandoned, "x");
    fs.writeFileSync(current, "x");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(abandoned, twoHoursAgo, twoHoursAgo);

    const removed = removeLfsLeftovers();
    expect(removed.files).toBe(1);
    expect(removed.uploads).toBe(1);
    expect(fs.existsSync(serverLfsObjectFile(stray))).toBe(false);
    expect(fs.existsSync(serverLfsObjectFile(kept))).toBe(true);
    expect(fs.existsSync(abandoned)).toBe(false);
    expect(fs.existsSync(current)).toBe(true);
  });
});
