// Moving a project's repository between Benchtop's git server and an
// organization on the GitHub emulator, with the real git client: a move cut
// off by a stopped server is resumed by another instance without duplicating
// anything; a move that cannot finish leaves the project where it was.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubEmulator, type GitHubEmulator } from "../../e2e/hosts/github/github-emulator";
import { seedGitHubOrgWorld, type GitHubOrgWorld } from "../../e2e/hosts/github/org-seed";
import { getReposDir } from "../config/env";
import { claimNextJob, getDb, getJob, getProjectWithOwnerById, insertProject, insertUser, listAuditEvents, listRetiredRepositories, type Project, type User, type VcsBackendRow } from "../db";
import { jobs } from "../db/schema";
import { createBareRepository, repoPath } from "../git-server";
import { insertBackend, setAppliedBackend } from "../vcs/active-backend";
import { listRemoteRefs, readLocalRefs } from "./git-remote";
import { queueMoves } from "./queue-moves";
import { runMoveJob } from "./run-move-job";
import { serviceAccountOf } from "./service-account";
import { runNextJob } from "./worker";

let emulator: GitHubEmulator;
let world: GitHubOrgWorld;
let row: VcsBackendRow;
let admin: User;

const gitEnv = { PATH: process.env.PATH, HOME: os.tmpdir(), GIT_CONFIG_NOSYSTEM: "1" } as unknown as NodeJS.ProcessEnv;
const git = (args: string[], cwd?: string) =>
  execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.test", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8", env: gitEnv });

let counter = 0;
/** A project on the internal git server with main, a feature branch and a tag. */
async function internalProject(): Promise<Project> {
  counter++;
  const owner = insertUser({ email: `owner${counter}@example.test`, name: "Owner", handle: `owner${counter}`, passwordHash: "x", role: "user" });
  const project = insertProject({ ownerId: owner.id, name: `Model ${counter}`, description: "", defaultBranch: "main" });
  await createBareRepository({ dir: repoPath(project.id) });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-move-"));
  git(["init", "-q", work]);
  for (let i = 0; i < 5; i++) {
    fs.writeFileSync(path.join(work, `f${i}.txt`), `${i}\n`);
    git(["add", "."], work);
    git(["commit", "-qm", `commit ${i}`], work);
  }
  git(["branch", "feature", "HEAD~2"], work);
  git(["tag", "-a", "v1", "-m", "first", "HEAD~1"], work);
  git(["push", "-q", repoPath(project.id), "refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*"], work);
  return project;
}

const hostRefs = (name: string) => listRemoteRefs({ remote: serviceAccountOf(row).remoteOf({ gitUrl: `${emulator.url}/labs/${name}.git`, webUrl: `${emulator.url}/labs/${name}` }) });
const movedEvents = (projectId: string) => listAuditEvents({ projectId, action: "project.moved", limit: 50, offset: 0 });

beforeAll(async () => {
  process.env.BENCHTOP_INSECURE_HOSTS = "127.0.0.1,localhost";
  emulator = await startGitHubEmulator();
  world = seedGitHubOrgWorld(emulator);
  row = insertBackend({ type: "github", name: "Labs", url: emulator.apiRoot, credentialHostname: new URL(emulator.url).host, repository: "{owner}-{id}", organization: "labs", username: world.service.login, authToken: world.service.token, onDelete: "archive" });
  setAppliedBackend({ backendId: row.id });
  admin = insertUser({ email: "admin@example.test", name: "Admin", handle: "admin", passwordHash: "x", role: "admin" });
}, 60_000);

afterAll(async () => {
  setAppliedBackend({ backendId: null });
  delete process.env.BENCHTOP_INSECURE_HOSTS;
  await emulator?.stop();
});

describe("moving a project between backends", () => {
  it("resumes a move cut off by a stopped server on another instance: one repository at the host, one project.moved, the same refs", async () => {
    const project = await internalProject();
    const before = await readLocalRefs({ dir: repoPath(project.id) });
    const reposBefore = emulator.inspect.listOwnedRepos("labs").length;
    const { jobs: [queued] } = queueMoves({ actor: admin, request: { projectIds: [project.id], target: "external" } });
    expect(getProjectWithOwnerById({ id: project.id })?.project.movingJobId).toBe(queued!.id);

    // The first instance copies everything, then stops just before the switch (as if killed there).
    const claimed = claimNextJob({ instanceId: "first", leaseMs: 60_000 })!;
    let reached!: () => void;
    let release!: () => void;
    const atSwitch = new Promise<void>((resolve) => (reached = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const firstRun = runMoveJob({ job: claimed, instanceId: "first", hooks: { beforeStep: async (step) => (step === "switching" ? (reached(), held) : undefined) } });
    await atSwitch;
    const name = `${(getProjectWithOwnerById({ id: project.id })!.owner).handle}-${project.id}`;
    expect(await hostRefs(name)).toEqual(before);

    // Its lease runs out; the next instance claims the job and does it all again, safely.
    getDb().update(jobs).set({ leaseUntil: new Date(Date.now() - 1000) }).where(eq(jobs.id, claimed.id)).run();
    expect(await runNextJob({ instanceId: "second" })).toBe(true);
    release();
    await firstRun;

    expect(getJob({ id: claimed.id })).toMatchObject({ state: "done", attempts: 2, claimedBy: "second", message: expect.stringMatching(/^Moved 2 branches and 1 tag to labs\//) });
    const moved = getProjectWithOwnerById({ id: project.id })!.project;
    expect(moved).toMatchObject({ backend: "external", vcsBackendId: row.id, remoteName: name, movingJobId: null });
    expect(emulator.inspect.listOwnedRepos("labs").filter((full) => full === `labs/${name}`)).toHaveLength(1);
    expect(emulator.inspect.listOwnedRepos("labs")).toHaveLength(reposBefore + 1);
    expect(movedEvents(project.id)).toHaveLength(1);
    expect(movedEvents(project.id)[0]!.detail).toMatchObject({ from: { backend: "internal" }, to: { backend: "external", vcsBackendId: row.id, repository: name }, refs: Object.fromEntries(before) });
    expect(await hostRefs(name)).toEqual(before);
    // The old repository is kept out of the project's path, on record for the admin.
    expect(fs.existsSync(repoPath(project.id))).toBe(false);
    const retired = listRetiredRepositories().filter((r) => r.projectId === project.id);
    expect(retired).toMatchObject([{ location: "internal", reason: "moved" }]);
    expect(await readLocalRefs({ dir: path.join(getReposDir(), retired[0]!.path) })).toEqual(before);

    // And back: the host's repository mirrored into a new internal one.
    queueMoves({ actor: admin, request: { projectIds: [project.id], target: "internal" } });
    expect(await runNextJob({ instanceId: "second" })).toBe(true);
    expect(getProjectWithOwnerById({ id: project.id })!.project).toMatchObject({ backend: "internal", vcsBackendId: null, remoteName: null, movingJobId: null });
    expect(await readLocalRefs({ dir: repoPath(project.id) })).toEqual(before);
    expect(listRetiredRepositories().filter((r) => r.projectId === project.id && r.location === "external")).toMatchObject([{ path: name, vcsBackendId: row.id, reason: "moved" }]);
    expect(movedEvents(project.id)).toHaveLength(2);
  }, 120_000);

  it("moves a project from an earlier backend's organization to the one in force, through a copy made here", async () => {
    const project = await internalProject();
    const before = await readLocalRefs({ dir: repoPath(project.id) });
    queueMoves({ actor: admin, request: { projectIds: [project.id], target: "external" } });
    expect(await runNextJob({ instanceId: "only" })).toBe(true);
    const first = getProjectWithOwnerById({ id: project.id })!.project;
    expect(first.backend).toBe("external");

    const newer = insertBackend({ type: "github", name: "Labs, renamed repositories", url: emulator.apiRoot, credentialHostname: new URL(emulator.url).host, repository: "moved-{id}", organization: "labs", username: world.service.login, authToken: world.service.token, onDelete: "archive" });
    setAppliedBackend({ backendId: newer.id });
    try {
      const { jobs: [queued] } = queueMoves({ actor: admin, request: { projectIds: [project.id] } });
      expect(await runNextJob({ instanceId: "only" })).toBe(true);
      expect(getJob({ id: queued!.id })?.state).toBe("done");
      expect(getProjectWithOwnerById({ id: project.id })!.project).toMatchObject({ backend: "external", vcsBackendId: newer.id, remoteName: `moved-${project.id}` });
      expect(await hostRefs(`moved-${project.id}`)).toEqual(before);
      expect(listRetiredRepositories().filter((r) => r.projectId === project.id && r.location === "external")).toMatchObject([{ path: first.remoteName, vcsBackendId: row.id }]);
      // Nothing is left behind out of sight.
      const staging = path.join(getReposDir(), ".staging");
      expect(fs.existsSync(staging) ? fs.readdirSync(staging).filter((name) => name.startsWith("move-")) : []).toEqual([]);
    } finally {
      setAppliedBackend({ backendId: row.id });
    }
  }, 60_000);

  it("fails without switching when the repository name is taken by other work at the host, and leaves the project writable where it was", async () => {
    const project = await internalProject();
    const before = await readLocalRefs({ dir: repoPath(project.id) });
    const owner = getProjectWithOwnerById({ id: project.id })!.owner;
    const name = `${owner.handle}-${project.id}`;
    const other = await internalProject();
    const account = serviceAccountOf(row);
    const taken = await account.host.createRepository({ name, description: "" });
    // Asynchronous: the emulator answers from this process.
    await promisify(execFile)("git", ["-c", `http.extraHeader=Authorization: ${account.remoteOf(taken).authHeader}`, "push", "-q", taken.gitUrl, "refs/heads/main:refs/heads/main"], { cwd: repoPath(other.id), env: gitEnv });

    const { jobs: [queued] } = queueMoves({ actor: admin, request: { projectIds: [project.id], target: "external" } });
    expect(await runNextJob({ instanceId: "only" })).toBe(true);
    const job = getJob({ id: queued!.id })!;
    expect(job.state).toBe("failed");
    expect(job.message).toMatch(new RegExp(`A repository named ${name} already exists in labs and holds other work`));
    expect(getProjectWithOwnerById({ id: project.id })!.project).toMatchObject({ backend: "internal", movingJobId: null });
    expect(await readLocalRefs({ dir: repoPath(project.id) })).toEqual(before);
    // The repository it found (not its own) is left alone.
    expect(emulator.inspect.isDeleted(`labs/${name}`)).toBe(false);
    const failed = listAuditEvents({ projectId: project.id, action: "project.move_failed", limit: 5, offset: 0 });
    expect(failed).toHaveLength(1);
    expect(failed[0]!.detail.reason).toBe(job.message);
  }, 60_000);
});
