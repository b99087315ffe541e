// A server killed (SIGKILL) in the middle of work and started again on the same
// DATA_DIR leaves nothing half-made: no project without its repository (whose
// name would then be taken for good), no quarantine folder of an interrupted
// push, no partial Git LFS upload, and an audit event saying what was cleaned up. Each test runs its own
// app instance, so that it can be killed.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGitHubEmulatorProcess, type GitHubEmulatorProcess } from "../../e2e/hosts/github/emulator-process";
import { startAppServer } from "../setup/app-server.mjs";
import { ADMIN } from "../setup/start-server";
import { api, unique } from "../integration/helpers/api";
import { gitAsync, startCountingRelay } from "../integration/helpers/gateway";
import { git, gitOk, tempDir } from "../integration/helpers/git";
import { credentialHelper, lfsGit, lfsGitOk, sha256File, storedObject } from "../integration/helpers/git-lfs";
import { writeRandomFile } from "../integration/helpers/random-file";

const MB = 1024 * 1024;
const ENV = { BENCHTOP_ADMIN_EMAIL: ADMIN.email, BENCHTOP_ADMIN_PASSWORD: ADMIN.password, BENCHTOP_INSECURE_HOSTS: "localhost,127.0.0.1" };

type Instance = Awaited<ReturnType<typeof startAppServer>>;
let instance: Instance;
let dataDir: string;
const logFile = path.join(process.cwd(), "test-results", "crash-recovery-server.log");
// A restart keeps the port, so clone URLs and remotes made before it stay right.
const start = async () => (instance = await startAppServer({ env: ENV, dataDir, logFile, port: instance ? Number(new URL(instance.baseUrl).port) : undefined }));
const call = (route: string, options: Parameters<typeof api>[1] = {}) => api(route, { ...options, base: instance.baseUrl });

/** Kills the app and every git process it started (its process group), as a power cut or the OOM killer would. */
function killHard() {
  process.kill(-instance.pid!, "SIGKILL");
}

/** Waits until `find` answers something (polling fast, to catch work in flight), or fails after `ms`. */
async function waitFor<T>(find: () => T | undefined, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const found = find();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

const filesUnder = (dir: string): string[] => (fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, f)) : []);
const packBytes = (dir: string) => filesUnder(dir).filter((f) => /tmp_pack_/.test(path.basename(f))).reduce((sum, f) => sum + (fs.statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0);

async function signedUpUser() {
  const admin = await call("/api/v1/tokens", { method: "POST", body: { ...ADMIN, name: unique("admin-") } });
  expect(admin.status, admin.text).toBe(201);
  const email = `${unique("crash")}@example.test`;
  const password = `pw-${unique("")}`;
  const created = await call("/api/v1/users", { method: "POST", token: admin.body.token, body: { email, name: "Crash Tester", password, role: "user" } });
  expect(created.status, created.text).toBe(201);
  const token = await call("/api/v1/tokens", { method: "POST", body: { email, password, name: "t" } });
  return { email, password, adminToken: admin.body.token as string, token: token.body.token as string };
}

beforeAll(async () => {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  dataDir = tempDir("benchtop-crash-");
  await start();
}, 120_000);

afterAll(async () => {
  await instance?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a server killed half-way", () => {
  let emulator: GitHubEmulatorProcess;
  let relay: Awaited<ReturnType<typeof startCountingRelay>>;
  beforeAll(async () => {
    emulator = await startGitHubEmulatorProcess();
    // A slow link to the host: the copy takes seconds, so the kill lands in the middle of it.
    relay = await startCountingRelay({ host: "127.0.0.1", port: Number(new URL(emulator.url).port) }, { bytesPerSecond: 4 * MB });
    // Make the registered repository large: 16 MB of incompressible data on a branch of its own.
    const dir = path.join(tempDir(), "seed");
    gitOk(["clone", "-q", `${emulator.url}/acme/models.git`, dir], { auth: { token: emulator.world.tokens.admin } });
    writeRandomFile(path.join(dir, "weights.bin"), 16 * MB);
    gitOk(["add", "weights.bin"], { cwd: dir });
    gitOk(["commit", "-q", "-m", "Add weights"], { cwd: dir });
    gitOk(["push", "-q", "origin", "HEAD:refs/heads/weights"], { cwd: dir, auth: { token: emulator.world.tokens.admin } });
  }, 120_000);
  afterAll(async () => {
    await relay?.stop();
    await emulator?.stop();
  });

  it("a name taken for good by a half-made project (SIGKILL during Create project from a registered repository): after restart nothing half-made is listed, an audit event says what was removed, and the name can be used again", { timeout: 120_000 }, async () => {
    const user = await signedUpUser();
    const registered = await call("/api/v1/repositories", { method: "POST", token: user.token, body: { provider: "github-enterprise", name: unique("models-"), location: `${relay.url}/acme/models`, token: emulator.world.tokens.admin } });
    expect(registered.status, registered.text).toBe(201);
    const name = unique("copy-");
    const staging = path.join(dataDir, "repos", ".staging");

    const creating = call("/api/v1/projects", { method: "POST", token: user.token, body: { name, repositoryId: registered.body.id } }).catch((error: Error) => error);
    // The copy is under way: git is receiving the pack into the repository being made.
    await waitFor(() => packBytes(staging) > 1 * MB || undefined, "the copy to be half-way");
    killHard();
    const outcome = await creating;
    expect("status" in outcome ? `answered ${outcome.status}` : "no answer").toBe("no answer");
    const halfMade = fs.readdirSync(staging);
    expect(halfMade).toHaveLength(1);

    await start();
    const listed = await call(`/api/v1/projects?q=${name}`, { token: user.token });
    expect(listed.body.projects).toEqual([]);
    expect(fs.existsSync(staging)).toBe(false);
    const projectId = halfMade[0]!.replace(/\.git$/, "");
    expect(fs.existsSync(path.join(dataDir, "repos", halfMade[0]!))).toBe(false);
    const audit = await call(`/api/v1/admin/audit?action=project.creation_abandoned`, { token: user.adminToken });
    expect(audit.body.events).toEqual([
      expect.objectContaining({ actor: null, project: { id: projectId, name }, detail: expect.objectContaining({ name, owner: expect.objectContaining({ email: user.email }), reason: expect.stringMatching(/stopped before/) }) }),
    ]);

    const again = await call("/api/v1/projects", { method: "POST", token: user.token, body: { name, repositoryId: registered.body.id } });
    expect(again.status, again.text).toBe(201);
    const branches = await call(`/api/v1/projects/${again.body.id}/branches`, { token: user.token });
    expect(branches.body.branches.map((b: { name: string }) => b.name)).toEqual(expect.arrayContaining(["main", "weights"]));
    gitOk(["--git-dir", path.join(dataDir, "repos", `${again.body.id}.git`), "fsck", "--strict", "--no-progress"]);
  });

  it("disk filled by an interrupted push (SIGKILL while a large pack arrives): after restart no quarantine folder remains, the repository passes fsck --strict, nothing claims the push happened, and the push can be made again", { timeout: 120_000 }, async () => {
    const user = await signedUpUser();
    const created = await call("/api/v1/projects", { method: "POST", token: user.token, body: { name: unique("push-") } });
    expect(created.status, created.text).toBe(201);
    const project = created.body;
    const bare = path.join(dataDir, "repos", `${project.id}.git`);
    const dir = path.join(tempDir(), "work");
    gitOk(["clone", "-q", project.cloneUrl, dir], { auth: { token: user.token } });
    const mainBefore = gitOk(["rev-parse", "HEAD"], { cwd: dir }).trim();
    writeRandomFile(path.join(dir, "big.bin"), 100 * MB);
    gitOk(["add", "big.bin"], { cwd: dir });
    gitOk(["commit", "-q", "-m", "Add big.bin"], { cwd: dir });

    const pushing = gitAsync(["push", "origin", "HEAD:main"], { cwd: dir, token: user.token });
    const quarantine = await waitFor(() => fs.readdirSync(path.join(bare, "objects")).find((f) => f.startsWith("tmp_objdir-incoming-") && packBytes(path.join(bare, "objects", f)) > 10 * MB), "the pack to be arriving");
    killHard();
    expect((await pushing).code).not.toBe(0);
    expect(fs.existsSync(path.join(bare, "objects", quarantine))).toBe(true);

    await start();
    expect(fs.readdirSync(path.join(bare, "objects")).filter((f) => /incoming-/.test(f))).toEqual([]);
    gitOk(["--git-dir", bare, "fsck", "--strict", "--no-progress"]);
    expect(gitOk(["--git-dir", bare, "rev-parse", "refs/heads/main"]).trim()).toBe(mainBefore);
    const events = await call(`/api/v1/projects/${project.id}/audit`, { token: user.token });
    const actions = events.body.events.map((e: { action: string }) => e.action);
    expect(actions).not.toContain("git.push");
    expect(events.body.events.find((e: { action: string }) => e.action === "git.push_leftovers_removed")).toMatchObject({ detail: { paths: [path.join("objects", quarantine)], bytes: expect.any(Number) } });

    const retry = git(["push", "-q", "origin", "HEAD:main"], { cwd: dir, auth: { token: user.token } });
    expect(retry.status, retry.stderr).toBe(0);
    expect(gitOk(["--git-dir", bare, "rev-parse", "refs/heads/main"]).trim()).toBe(gitOk(["rev-parse", "HEAD"], { cwd: dir }).trim());
  });

  it("a Git LFS upload cut off (SIGKILL while the object arrives): after restart no object is recorded or in place, the partial upload is removed, and the push can be made again", { timeout: 120_000 }, async () => {
    // The test before ends in git run synchronously, during which the server closed an idle connection: let fetch see that first.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const user = await signedUpUser();
    const created = await call("/api/v1/projects", { method: "POST", token: user.token, body: { name: unique("lfs-") } });
    expect(created.status, created.text).toBe(201);
    const project = created.body;
    const dir = path.join(tempDir(), "work");
    const auth = credentialHelper(user.token);
    await lfsGitOk([...auth, "clone", "-q", project.cloneUrl, dir]);
    await lfsGitOk(["lfs", "install", "--local"], { cwd: dir });
    await lfsGitOk(["lfs", "track", "*.bin"], { cwd: dir });
    writeRandomFile(path.join(dir, "big.bin"), 100 * MB);
    const oid = await sha256File(path.join(dir, "big.bin"));
    await lfsGitOk(["add", ".gitattributes", "big.bin"], { cwd: dir });
    await lfsGitOk(["commit", "-q", "-m", "Add big.bin"], { cwd: dir });

    const pushing = lfsGit([...auth, "push", "origin", "HEAD:main"], { cwd: dir });
    const uploads = path.join(dataDir, "lfs", "tmp");
    const partial = await waitFor(() => filesUnder(uploads).find((f) => (fs.statSync(f, { throwIfNoEntry: false })?.size ?? 0) > 5 * MB), "the object to be arriving");
    killHard();
    expect((await pushing).status).not.toBe(0);
    expect(fs.existsSync(storedObject(dataDir, oid))).toBe(false);
    // As if the server had stayed down for longer than an upload can last (the server's request timeout).
    const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(partial, longAgo, longAgo);

    await start();
    await waitFor(() => !fs.existsSync(partial) || undefined, "the partial upload to be removed");
    expect(fs.existsSync(storedObject(dataDir, oid))).toBe(false);
    const batch = await fetch(`${project.cloneUrl}/info/lfs/objects/batch`, {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}`, "content-type": "application/vnd.git-lfs+json" },
      body: JSON.stringify({ operation: "download", objects: [{ oid, size: 100 * MB }] }),
    });
    expect((await batch.json()).objects[0].error).toEqual({ code: 404, message: "Object does not exist" });

    const retry = await lfsGit([...auth, "push", "-q", "origin", "HEAD:main"], { cwd: dir });
    expect(retry.status, retry.stderr).toBe(0);
    expect(await sha256File(storedObject(dataDir, oid))).toBe(oid);
  });
});
