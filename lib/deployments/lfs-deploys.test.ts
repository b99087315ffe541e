// Deployments of commits whose files are stored with Git LFS: the deploy copies
// each object the pointers stand for (here from Benchtop's own LFS store; from a
// git host's LFS API: lib/lfs-objects) and the deployment serves the real content, byte for byte,
// in files and in rendered pages; a file whose content is nowhere fails the run
// and names the file, the previous deploy serving on.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { claimNextRun, getDeployment, getRun, insertLfsObjectRef, type User } from "../db";
import { repoPath } from "../git-server";
import { createProject, loadProject } from "../projects";
import { newTestUser } from "../projects/test-support/external-project";
import { createDeployment } from "./create-deployment";
import { storePath } from "./deploy-store";
import { executeRun } from "./execute-run";
import { serverLfsObjectFile } from "../lfs-objects";
import { redeploy } from "./manage-deployment";
import { serveDeployedPath } from "./serve";
import { lfsObjectFile } from "./serve/lfs-content";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=t@example.test", ...args], { cwd }).toString("utf8");

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

/** Puts an object in Benchtop's own LFS store for a project, as its git server does when it is pushed there. */
function putInServerStore(bytes: Buffer, forProject = projectId): void {
  const file = serverLfsObjectFile(sha256(bytes));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  insertLfsObjectRef({ projectId: forProject, oid: sha256(bytes), size: bytes.length });
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
    expect(run.log).toContain("Placed the content of 2 files stored with Git LFS.");

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
    expect(run.message).toContain("data/lost.csv is stored with Git LFS, but the content is not on Benchtop's git server. Push it with `git lfs push --all origin`");
    expect(getDeployment({ id: deploymentId })).toMatchObject({ failure: run.message });
    expect(sha256(await bodyOf(await serve(deploymentId, first, "models/model.bin")))).toBe(sha256(model));
  });

  it("attack: a pointer naming another project's object (its hash and size) does not deploy that project's content", async () => {
    const other = (await createProject({ input: { name: "secrets", description: "" }, owner: await newTestUser("lfs-other") })).id;
    const secret = randomBytes(4000);
    putInServerStore(secret, other);
    commit({ "stolen.bin": secret }, ["stolen.bin"]);
    const access = loadProject({ id: projectId, user: owner });
    redeploy({ access, deployment: getDeployment({ id: deploymentId })!, actor: owner });
    const run = await runQueued();
    expect(run.status).toBe("failed");
    expect(run.message).toMatch(/stolen\.bin (is|are) stored with Git LFS, but the content is not on Benchtop's git server/);
    expect(fs.existsSync(lfsObjectFile(storePath({ deploymentId }), sha256(secret)))).toBe(false);
  });
});
