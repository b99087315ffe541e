// Deployments of commits whose files are stored with Git LFS: the deploy copies
// each object the pointers stand for (from Benchtop's own LFS store, or from a
// git host's LFS API) and the deployment serves the real content, byte for byte,
// in files and in rendered pages; a file whose content is nowhere fails the run
// and names the file, the previous deploy serving on.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimNextRun, getDeployment, getRun, type User } from "../db";
import { getDataDir } from "../config/env";
import { repoPath } from "../git-server";
import { createProject, loadProject } from "../projects";
import { newTestUser } from "../projects/test-support/external-project";
import { createDeployment } from "./create-deployment";
import { storePath } from "./deploy-store";
import { executeRun } from "./execute-run";
import { downloadLfsObjects } from "./lfs-download";
import { redeploy } from "./manage-deployment";
import { serveDeployedPath } from "./serve";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=t@example.test", ...args], { cwd }).toString("utf8");
const serverStore = (oid: string) => path.join(getDataDir(), "lfs", "objects", oid.slice(0, 2), oid.slice(2, 4), oid);

let owner: User;
let projectId: string;
let work: string;

/** Commits `files` with the real client's pointers for the ones named in `lfs`, and pushes to the project's bare repository. */
function commit(files: Record<string, Buffer | string>, lfs: string[]): string {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(work, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    if (lfs.includes(name)) fs.writeFileSync(file, execFileSync("git", ["lfs", "pointer", `--file=${name}`], { cwd: work, stdio: ["ignore", "pipe", "ignore"] }));
  }
  git(work, "add", "--all");
  git(work, "commit", "-q", "-m", "files");
  git(work, "push", "-q", "origin", "HEAD:main");
  return git(work, "rev-parse", "HEAD").trim();
}

/** Puts an object in Benchtop's own LFS store, as its git server does when it is pushed. */
function putInServerStore(bytes: Buffer): void {
  const file = serverStore(sha256(bytes));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
}

async function runQueued() {
  const run = claimNextRun({ instanceId: "test", leaseMs: 60_000 })!;
  await executeRun({ run, instanceId: "test" });
  return getRun({ id: run.id })!;
}

const serve = (deploymentId: string, commit: string, requestPath: string) =>
  serveDeployedPath({ dir: storePath({ deploymentId }), commit, path: requestPath, baseUrl: "/deploy/x/", title: "x", method: "GET", sandbox: true });

async function bodyOf(answer: Awaited<ReturnType<typeof serve>>): Promise<Buffer> {
  const body = answer.body;
  if (body === null) return Buffer.alloc(0);
  if (typeof body === "string" || Buffer.isBuffer(body)) return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  owner = await newTestUser("lfs");
  projectId = (await createProject({ input: { name: "models", description: "" }, owner })).id;
  work = fs.mkdtempSync(path.join(os.tmpdir(), "lfs-work-"));
  execFileSync("git", ["clone", "-q", repoPath(projectId), work]);
});

describe("a deployment of files stored with Git LFS", () => {
  const model = randomBytes(1_500_000);
  const chart = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), randomBytes(2000)]);
  let deploymentId: string;
  let first: string;

  it("serves the objects' content, in files and in rendered pages", async () => {
    putInServerStore(model);
    putInServerStore(chart);
    first = commit({ "models/model.bin": model, "chart.png": chart, "README.md": "# Results\n\n![chart](chart.png)\n" }, ["models/model.bin", "chart.png"]);
    const access = loadProject({ id: projectId, user: owner });
    deploymentId = (await createDeployment({ access, input: { name: "Models", ref: "main", track: true, visibility: "private" }, actor: owner })).deployment.id;
    const run = await runQueued();
    expect(run.status, run.message ?? "").toBe("succeeded");
    expect(run.log).toContain("2 files are stored with Git LFS; copying 2 objects not kept yet.");

    const served = await serve(deploymentId, first, "models/model.bin");
    expect(served.status).toBe(200);
    expect(served.headers["content-length"]).toBe(String(model.length));
    expect(served.headers.etag).toBe(`"${sha256(model)}"`);
    expect(sha256(await bodyOf(served))).toBe(sha256(model));
    expect((await bodyOf(await serve(deploymentId, first, "chart.png"))).equals(chart)).toBe(true);
    const page = (await bodyOf(await serve(deploymentId, first, "README.md"))).toString("utf8");
    expect(page).toContain(`data:image/png;base64,${chart.toString("base64")}`);
  });

  it("fails a redeploy whose file's content is nowhere, naming it, and keeps the previous deploy serving", async () => {
    const lost = randomBytes(5000);
    commit({ "data/lost.csv": lost }, ["data/lost.csv"]);
    const access = loadProject({ id: projectId, user: owner });
    redeploy({ access, deployment: getDeployment({ id: deploymentId })!, actor: owner });
    const run = await runQueued();
    expect(run.status).toBe("failed");
    expect(run.message).toContain("data/lost.csv is stored with Git LFS, but its content is not on Benchtop's git server. Push it with `git lfs push --all origin`");
    expect(getDeployment({ id: deploymentId })).toMatchObject({ failure: run.message });
    expect(sha256(await bodyOf(await serve(deploymentId, first, "models/model.bin")))).toBe(sha256(model));
  });
});

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
