// Downloading LFS objects from a git host's LFS API (git-lfs's batch API, basic
// transfer), against a small host standing for one and its storage service.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadLfsObjects } from "./download";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("downloading LFS objects from a git host", () => {
  const objects = new Map<string, Buffer>();
  let server: http.Server;
  let base: string;
  let storageBase: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        seen.push(`${request.method} ${request.url} ${request.headers.authorization ?? ""}`);
        if (request.url === "/acme/models.git/info/lfs/objects/batch") {
          const asked = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { objects: { oid: string; size: number }[] };
          response.setHeader("content-type", "application/vnd.git-lfs+json");
          response.end(
            JSON.stringify({
              transfer: "basic",
              objects: asked.objects.map(({ oid, size }) =>
                objects.has(oid) ? { oid, size, actions: { download: { href: `${storageBase}/storage/${oid}?signature=s3cr3t`, header: { "x-storage-token": "t0k" } } } } : { oid, size, error: { code: 404, message: "Object does not exist" } },
              ),
            }),
          );
          return;
        }
        const oid = request.url?.match(/^\/storage\/([0-9a-f]{64})\?signature=s3cr3t$/)?.[1];
        if (oid && request.headers["x-storage-token"] === "t0k") {
          const bytes = oid === "f".repeat(64) ? Buffer.from("not what the pointer says") : objects.get(oid)!;
          response.end(bytes);
          return;
        }
        response.statusCode = 403;
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    storageBase = base;
    process.env.BENCHTOP_INSECURE_HOSTS = "127.0.0.1";
  });

  afterAll(() => {
    delete process.env.BENCHTOP_INSECURE_HOSTS;
    server.close();
  });

  it("asks the batch API with the git credential, fetches each transfer with its headers, checks the hash, and answers what the host lacks", async () => {
    const present = randomBytes(300_000);
    objects.set(sha256(present), present);
    objects.set("f".repeat(64), Buffer.alloc(0));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lfs-download-"));
    const placeOf = (oid: string) => path.join(dir, oid);
    const missing = await downloadLfsObjects({
      gitUrl: `${base}/acme/models.git`,
      authHeader: "Basic dXNlcjpwYXNz",
      objects: [{ oid: sha256(present), size: present.length }, { oid: "a".repeat(64), size: 10 }],
      placeOf,
    });
    expect(missing).toEqual(["a".repeat(64)]);
    expect(fs.readFileSync(placeOf(sha256(present))).equals(present)).toBe(true);
    expect(seen[0]).toBe("POST /acme/models.git/info/lfs/objects/batch Basic dXNlcjpwYXNz");

    await expect(downloadLfsObjects({ gitUrl: `${base}/acme/models.git`, authHeader: null, objects: [{ oid: "f".repeat(64), size: 25 }], placeOf })).rejects.toThrow(/does not match its pointer/);
    expect(fs.readdirSync(dir)).toEqual([sha256(present)]);
  });

  it("refuses a host, or a transfer, on a private address unless an administrator allows it", async () => {
    delete process.env.BENCHTOP_INSECURE_HOSTS;
    const asked = seen.length;
    await expect(downloadLfsObjects({ gitUrl: `${base}/acme/models.git`, authHeader: null, objects: [{ oid: "b".repeat(64), size: 1 }], placeOf: (oid) => oid })).rejects.toThrow(/BENCHTOP_INSECURE_HOSTS/);
    expect(seen.length).toBe(asked);
    // The git host allowed, its storage host not: the transfer is refused before any connection.
    process.env.BENCHTOP_INSECURE_HOSTS = `127.0.0.1:${new URL(base).port}`;
    storageBase = base.replace("127.0.0.1", "localhost");
    const present = [...objects.entries()].find(([, bytes]) => bytes.length > 0)!;
    const transfers = seen.filter((line) => line.includes("/storage/")).length;
    await expect(downloadLfsObjects({ gitUrl: `${base}/acme/models.git`, authHeader: null, objects: [{ oid: present[0], size: present[1].length }], placeOf: (oid) => path.join(os.tmpdir(), oid) })).rejects.toThrow(/https only/);
    expect(seen.filter((line) => line.includes("/storage/")).length).toBe(transfers);
    storageBase = base;
    process.env.BENCHTOP_INSECURE_HOSTS = "127.0.0.1";
  });
});
