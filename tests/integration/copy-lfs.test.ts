// Copying a repository at GitHub or GitLab (or a project linked to one) into a
// project on Benchtop's git server brings its Git LFS files along: seeded with
// the real git-lfs client at the host emulators (whose transfers go to a
// storage host), copied through the API, then cloned from Benchtop with git lfs
// and compared byte for byte, old commits and other branches included. A host
// that refuses Git LFS leaves no project and nothing in Benchtop's store.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "../../e2e/hosts/github/emulator-process";
import { startGitLabEmulatorProcess, type GitLabEmulatorProcess } from "../../e2e/hosts/gitlab/start-emulator-process";
import { makeLfsHome, runGitLfs } from "../../e2e/hosts/shared/git-lfs-client";
import { connectThroughGitHubApp } from "./helpers/github-app-connection";
import { api, createUser, unique, type TestUser } from "./helpers/api";
import { tempDir } from "./helpers/git";
import { credentialHelper, lfsGitOk, storedObject } from "./helpers/git-lfs";

type Seeded = { file: string; bytes: Buffer; oid: string };

let github: GitHubEmulatorProcess;
let gitlab: GitLabEmulatorProcess;
let owner: TestUser;
let home: string;

const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");
const basic = (user: string, token: string) => `Basic ${Buffer.from(`${user}:${token}`).toString("base64")}`;
const lfsTmp = () => path.join(inject("dataDir"), "lfs", "tmp");
const leftInTmp = () => (fs.existsSync(lfsTmp()) ? fs.readdirSync(lfsTmp()) : []);

/** Runs git (with git-lfs) at a host as its administrator, throwing git's words when it fails. */
async function atHost(args: string[], { cwd, auth }: { cwd?: string; auth: string }) {
  const run = await runGitLfs(args, { cwd, home, headers: { Authorization: auth } });
  if (run.code !== 0) throw new Error(`git ${args.join(" ")}: ${run.stderr}`);
}

/** Adds `file` with random bytes, tracked by Git LFS, and commits it; answers what was committed. */
async function commitLfsFile(work: string, file: string, size: number, auth: string): Promise<Seeded> {
  const bytes = crypto.randomBytes(size);
  fs.writeFileSync(path.join(work, file), bytes);
  await atHost(["lfs", "track", "*.bin"], { cwd: work, auth });
  await atHost(["add", ".gitattributes", file], { cwd: work, auth });
  await atHost(["commit", "-q", "-m", `Add ${file}`], { cwd: work, auth });
  return { file, bytes, oid: sha256(bytes) };
}

/**
 * A repository at a host whose history holds three Git LFS files: one at
 * main's tip, one only on the branch `lfs-side` (new at the host), and one removed from main
 * again (only an old commit names it, answered with that commit).
 */
async function seedLfsHistory({ gitUrl, auth }: { gitUrl: string; auth: string }) {
  const work = path.join(tempDir("copy-lfs-seed-"), "work");
  await atHost(["clone", "-q", gitUrl, work], { auth });
  const old = await commitLfsFile(work, "old.bin", 300_000, auth);
  const oldCommit = (await runGitLfs(["rev-parse", "HEAD"], { cwd: work, home })).stdout.trim();
  await atHost(["rm", "-q", "old.bin"], { cwd: work, auth });
  await atHost(["commit", "-q", "-m", "Remove old.bin"], { cwd: work, auth });
  const tip = await commitLfsFile(work, "model.bin", 2_500_000, auth);
  await atHost(["push", "-q", "origin", "HEAD:main"], { cwd: work, auth });
  await atHost(["checkout", "-q", "-b", "lfs-side"], { cwd: work, auth });
  const feature = await commitLfsFile(work, "feature.bin", 100_000, auth);
  await atHost(["push", "-q", "origin", "lfs-side"], { cwd: work, auth });
  return { old, oldCommit, tip, feature };
}

/** Clones a Benchtop project with git lfs as `user`; reads its files at a revision (git lfs fetching their content from Benchtop). */
async function cloneFromBenchtop(cloneUrl: string, user: TestUser) {
  const dir = path.join(tempDir("copy-lfs-clone-"), "work");
  const auth = credentialHelper(user.token);
  await lfsGitOk([...auth, "clone", "-q", cloneUrl, dir]);
  return {
    read: (file: string) => fs.readFileSync(path.join(dir, file)),
    checkout: (revision: string) => lfsGitOk([...auth, "checkout", "-q", revision], { cwd: dir }),
  };
}

async function register(user: TestUser, provider: string, location: string, token: string | null) {
  const res = await api("/api/v1/repositories", { method: "POST", token: user.token, body: { provider, name: unique("lfs-copy-"), location, ...(token ? { token } : {}) } });
  if (res.status !== 201) throw new Error(`register ${location}: ${res.status} ${res.text}`);
  return res.body as { id: string };
}

const copyRepository = (user: TestUser, repositoryId: string, name = unique("copy-")) => api("/api/v1/projects", { method: "POST", token: user.token, body: { name, repositoryId } });

const projectNames = async (user: TestUser) => ((await api("/api/v1/projects?perPage=100", { token: user.token })).body.projects as { name: string }[]).map((project) => project.name);

async function createdDetail(user: TestUser, projectId: string) {
  const events = (await api(`/api/v1/projects/${projectId}/audit?action=project.created`, { token: user.token })).body.events as { detail: Record<string, unknown> }[];
  return events[0]?.detail;
}

beforeAll(async () => {
  [github, gitlab] = await Promise.all([startGitHubEmulatorProcess(), startGitLabEmulatorProcess()]);
  owner = await createUser();
  home = makeLfsHome();
}, 120_000);

afterAll(async () => {
  await Promise.all([github?.stop(), gitlab?.stop()]);
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

describe("copying a repository with Git LFS files into a project", () => {
  let githubRepo: string;
  let seeded: Awaited<ReturnType<typeof seedLfsHistory>>;

  beforeAll(async () => {
    githubRepo = unique("lfs-copy-");
    const created = await fetch(`${github.apiRoot}/orgs/acme/repos`, { method: "POST", headers: { authorization: `token ${github.world.tokens.admin}`, "content-type": "application/json" }, body: JSON.stringify({ name: githubRepo, auto_init: true }) });
    if (created.status !== 201) throw new Error(`create acme/${githubRepo}: ${created.status}`);
    seeded = await seedLfsHistory({ gitUrl: `${github.url}/acme/${githubRepo}.git`, auth: basic("x-access-token", github.world.tokens.admin) });
  }, 120_000);

  it("copies a GitHub repository's LFS files, every branch and old commit's, into Benchtop's store; a git lfs clone of the copy gets the same bytes", { timeout: 180_000 }, async () => {
    const repository = await register(owner, "github-enterprise", `${github.url}/acme/${githubRepo}`, github.world.tokens.admin);
    const copied = await copyRepository(owner, repository.id);
    expect(copied.status, copied.text).toBe(201);
    for (const { oid, bytes } of [seeded.tip, seeded.feature, seeded.old]) expect(fs.readFileSync(storedObject(inject("dataDir"), oid)).equals(bytes)).toBe(true);
    expect(await createdDetail(owner, copied.body.id)).toMatchObject({ lfs: { objects: 3, bytes: 2_900_000 } });
    expect(leftInTmp()).toEqual([]);

    const clone = await cloneFromBenchtop(copied.body.cloneUrl, owner);
    expect(clone.read("model.bin").equals(seeded.tip.bytes), "main's file, byte for byte").toBe(true);
    await clone.checkout("lfs-side");
    expect(clone.read("feature.bin").equals(seeded.feature.bytes), "another branch's file").toBe(true);
    await clone.checkout(seeded.oldCommit);
    expect(clone.read("old.bin").equals(seeded.old.bytes), "a file only an old commit names").toBe(true);
  });

  it("copies a project linked to the repository the same way, from the host", { timeout: 180_000 }, async () => {
    const repository = await register(owner, "github-enterprise", `${github.url}/acme/${githubRepo}`, github.world.tokens.admin);
    const linked = await api("/api/v1/projects", { method: "POST", token: owner.token, body: { name: unique("linked-"), repositoryId: repository.id, link: true } });
    expect(linked.status, linked.text).toBe(201);
    const copied = await api(`/api/v1/projects/${linked.body.id}/copy`, { method: "POST", token: owner.token, body: { name: unique("copy-of-linked-") } });
    expect(copied.status, copied.text).toBe(201);
    expect(await createdDetail(owner, copied.body.id)).toMatchObject({ lfs: { objects: 3 } });
    const clone = await cloneFromBenchtop(copied.body.cloneUrl, owner);
    expect(clone.read("model.bin").equals(seeded.tip.bytes)).toBe(true);
  });

  it("copies a GitLab project's LFS files (downloads signed at its storage host)", { timeout: 180_000 }, async () => {
    const gitlabSeeded = await seedLfsHistory({ gitUrl: `${gitlab.url}/${gitlab.seed.fullName}.git`, auth: basic("oauth2", gitlab.seed.tokens.admin) });
    const repository = await register(owner, "gitlab-self-managed", `${gitlab.url}/${gitlab.seed.fullName}`, gitlab.seed.tokens.admin);
    const copied = await copyRepository(owner, repository.id);
    expect(copied.status, copied.text).toBe(201);
    const clone = await cloneFromBenchtop(copied.body.cloneUrl, owner);
    expect(clone.read("model.bin").equals(gitlabSeeded.tip.bytes)).toBe(true);
    await clone.checkout(gitlabSeeded.oldCommit);
    expect(clone.read("old.bin").equals(gitlabSeeded.old.bytes)).toBe(true);

    // GitLab with Git LFS turned off: no project, the name free, nothing left behind. The objects are in Benchtop's
    // store already (the copy above), which lets nothing through: a copy must get them from the host.
    await fetch(`${gitlab.url}/_emulator/lfs`, { method: "POST", body: JSON.stringify({ project: gitlab.seed.fullName, lfsEnabled: false }) });
    try {
      const name = unique("refused-");
      const refused = await copyRepository(owner, repository.id, name);
      expect(refused.status).toBe(502);
      expect(refused.body.error.message).toMatch(/^GitLab at .* refused to hand out the Git LFS files of .*\. Git LFS may be turned off/);
      expect(await projectNames(owner)).not.toContain(name);
      expect(leftInTmp()).toEqual([]);
    } finally {
      await fetch(`${gitlab.url}/_emulator/lfs`, { method: "POST", body: JSON.stringify({ project: gitlab.seed.fullName, lfsEnabled: true }) });
    }
  });

  it("says to install the GitHub app when GitHub refuses Git LFS to an app's authorization, and makes nothing until it is", { timeout: 180_000 }, async () => {
    // A fresh repository: none of its objects is in Benchtop's store yet, so a leftover would show.
    const repo = unique("lfs-refused-");
    const created = await fetch(`${github.apiRoot}/orgs/acme/repos`, { method: "POST", headers: { authorization: `token ${github.world.tokens.admin}`, "content-type": "application/json" }, body: JSON.stringify({ name: repo, auto_init: true }) });
    expect(created.status).toBe(201);
    const fresh = await seedLfsHistory({ gitUrl: `${github.url}/acme/${repo}.git`, auth: basic("x-access-token", github.world.tokens.admin) });

    // A user who reaches the repository through a GitHub App connection (the real OAuth flow against the emulator).
    const appUser = await createUser();
    await connectThroughGitHubApp({ github, user: appUser });
    const repository = await register(appUser, "github-enterprise", `${github.url}/acme/${repo}`, null);

    const control = (appInstalled: boolean) => fetch(`${github.url}/_emulator/lfs`, { method: "POST", body: JSON.stringify({ repo: `acme/${repo}`, appInstalled }) });
    await control(false);
    const name = unique("refused-");
    try {
      const refused = await copyRepository(appUser, repository.id, name);
      expect(refused.status).toBe(502);
      expect(refused.body.error.code).toBe("upstream_error");
      expect(refused.body.error.message).toMatch(/^GitHub at .* refused to hand out the Git LFS files of acme\/lfs-refused-\w+ \(.* said: "[^"]+"\)\. GitHub serves Git LFS only when Benchtop's GitHub app is installed on the repository, even a public one\. Install the app/);
    } finally {
      await control(true);
    }
    expect(await projectNames(appUser)).not.toContain(name);
    for (const { oid } of [fresh.tip, fresh.feature, fresh.old]) expect(fs.existsSync(storedObject(inject("dataDir"), oid)), "no object of the refused copy stays").toBe(false);
    expect(leftInTmp()).toEqual([]);
    const notified = (await api("/api/v1/notifications", { token: appUser.token })).body.notifications as { message: string }[];
    expect(notified.some((n) => /could not copy .*Install the app/.test(n.message))).toBe(true);

    // Once the app is installed, the same name is free and the copy is whole.
    const copied = await copyRepository(appUser, repository.id, name);
    expect(copied.status, copied.text).toBe(201);
    const clone = await cloneFromBenchtop(copied.body.cloneUrl, appUser);
    expect(clone.read("model.bin").equals(fresh.tip.bytes)).toBe(true);
  });
});
