// Copying a repository's Git LFS objects from its host into Benchtop's store:
// every object of the whole history (branches, tags, old commits), shared with
// what the store holds already, all or nothing against a host that refuses.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteProjectRow, getProjectLfsObject, insertProject, insertUser, lfsObjectExists } from "../db";
import { formatLfsPointer } from "../lfs-pointers";
import { copyLfsObjectsFromHost } from "./copy-from-host";
import { keepObject } from "./keep-object";
import { removeUnreferencedObjects } from "./remove-unreferenced";
import { lfsUploadsDir, serverLfsObjectFile } from "./server-store";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=t@example.test", ...args], { cwd }).toString("utf8").trim();

function newProject() {
  const handle = `u${randomBytes(4).toString("hex")}`;
  const owner = insertUser({ email: `${handle}@example.test`, name: "Owner", handle, passwordHash: "x", role: "user" });
  return insertProject({ ownerId: owner.id, name: `p${randomBytes(3).toString("hex")}`, description: "", defaultBranch: "main", state: "creating" });
}

/** A bare repository whose history names `files` as LFS pointers: each in a commit of its own on main, the last on a tag only, one removed again. */
function repositoryWith(files: Buffer[]): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "lfs-history-"));
  git(work, "init", "-q", "-b", "main");
  files.forEach((bytes, index) => {
    if (index === files.length - 1) git(work, "checkout", "-q", "--detach");
    fs.writeFileSync(path.join(work, `file-${index}.bin`), formatLfsPointer({ oid: sha256(bytes), size: bytes.length }));
    fs.writeFileSync(path.join(work, "small.txt"), `not a pointer ${index}\n`);
    git(work, "add", "--all");
    git(work, "commit", "-q", "-m", `file ${index}`);
    if (index === 0) {
      // An object only an old commit names: removed from the tip again.
      git(work, "rm", "-q", "file-0.bin");
      git(work, "commit", "-q", "-m", "remove file 0");
    }
  });
  git(work, "tag", "only-on-a-tag");
  const bare = `${work}.git`;
  git(os.tmpdir(), "clone", "-q", "--bare", work, bare);
  return bare;
}

describe("copying a history's Git LFS objects from a host", () => {
  const hosted = new Map<string, Buffer>();
  const asked: string[] = [];
  let refuse = false;
  const broken = new Set<string>();
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        if (request.url === "/acme/data.git/info/lfs/objects/batch") {
          if (refuse) {
            response.statusCode = 403;
            response.end(JSON.stringify({ message: "Resource not accessible by integration" }));
            return;
          }
          const batch = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { objects: { oid: string; size: number }[] };
          asked.push(...batch.objects.map((object) => object.oid));
          response.setHeader("content-type", "application/vnd.git-lfs+json");
          response.end(
            JSON.stringify({
              objects: batch.objects.map(({ oid, size }) => (hosted.has(oid) ? { oid, size, actions: { download: { href: `${base}/storage/${oid}` } } } : { oid, size, error: { code: 404, message: "Object does not exist" } })),
            }),
          );
          return;
        }
        const oid = request.url?.match(/^\/storage\/([0-9a-f]{64})$/)?.[1];
        if (oid && hosted.has(oid) && !broken.has(oid)) return void response.end(hosted.get(oid));
        response.statusCode = 404;
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.BENCHTOP_INSECURE_HOSTS = "127.0.0.1";
  });

  afterAll(() => {
    delete process.env.BENCHTOP_INSECURE_HOSTS;
    server.close();
  });

  const copy = (projectId: string, dir: string) =>
    copyLfsObjectsFromHost({ projectId, dir, gitUrl: `${base}/acme/data.git`, authHeader: null, refused: ({ status }) => `refused with ${status}`, retry: "copy it again" });

  it("keeps every object any branch or tag names, in old commits too, and names what the host lacks; what the store holds is fetched all the same", async () => {
    const files = [randomBytes(2000), randomBytes(3000), randomBytes(4000), randomBytes(5000)];
    const lacking = randomBytes(10);
    for (const bytes of files) hosted.set(sha256(bytes), bytes);
    const dir = repositoryWith([...files.slice(0, 3), lacking, files[3]!]);
    // Another project pushed files[1] already: knowing its oid is not enough, the copy takes it from the host too.
    const other = newProject();
    const held = path.join(os.tmpdir(), `held-${randomBytes(4).toString("hex")}`);
    fs.writeFileSync(held, files[1]!);
    keepObject({ projectId: other.id, oid: sha256(files[1]!), size: files[1]!.length, tempFile: held });

    const project = newProject();
    const outcome = await copy(project.id, dir);
    expect(outcome).toEqual({ objects: 4, bytes: 14000, absentAtHost: ["file-3.bin"] });
    for (const bytes of files) {
      expect(getProjectLfsObject({ projectId: project.id, oid: sha256(bytes) })).toEqual({ oid: sha256(bytes), size: bytes.length });
      expect(fs.readFileSync(serverLfsObjectFile(sha256(bytes))).equals(bytes)).toBe(true);
    }
    expect(asked).toContain(sha256(files[1]!));
    expect(getProjectLfsObject({ projectId: other.id, oid: sha256(files[1]!) })).toBeDefined();
    expect(fs.readdirSync(lfsUploadsDir())).toEqual([]);
  });

  it("throws the refusal's words and leaves, once the project is removed, no object it brought", async () => {
    const bytes = randomBytes(6000);
    hosted.set(sha256(bytes), bytes);
    const dir = repositoryWith([bytes, bytes]);
    const first = newProject();
    await copy(first.id, dir);
    deleteProjectRow({ id: first.id });
    removeUnreferencedObjects();
    expect(lfsObjectExists({ oid: sha256(bytes) })).toBe(false);
    expect(fs.existsSync(serverLfsObjectFile(sha256(bytes)))).toBe(false);

    refuse = true;
    const project = newProject();
    await expect(copy(project.id, dir)).rejects.toThrow("refused with 403");
    refuse = false;
    expect(lfsObjectExists({ oid: sha256(bytes) })).toBe(false);
    expect(fs.readdirSync(lfsUploadsDir())).toEqual([]);
  });

  it("stops at a transfer that fails half-way, the objects kept before it going with the project", async () => {
    const [first, second] = [randomBytes(7000), randomBytes(8000)];
    hosted.set(sha256(first), first);
    hosted.set(sha256(second), second);
    broken.add(sha256(second));
    // The tag's tip names `first`, an older commit `second`: rev-list walks from the tips, so `first` comes first.
    const project = newProject();
    await expect(copy(project.id, repositoryWith([second, first]))).rejects.toThrow(/did not hand over the Git LFS object/);
    expect(getProjectLfsObject({ projectId: project.id, oid: sha256(first) })).toBeDefined();
    expect(lfsObjectExists({ oid: sha256(second) })).toBe(false);
    expect(fs.readdirSync(lfsUploadsDir())).toEqual([]);
    deleteProjectRow({ id: project.id });
    removeUnreferencedObjects();
    expect(fs.existsSync(serverLfsObjectFile(sha256(first)))).toBe(false);
  });
});
