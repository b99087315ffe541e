// GET /api/v1/projects/{id}/archive: a revision as zip or tar.gz (byte for byte
// the same each time, as native `git archive` makes it), or the whole repository
// with its history (history=true), for members only, on every backend: internal,
// external (the organization on the GitHub emulator) and linked. Archives are
// extracted with the real tar, python3's zipfile and unzip, and checked against
// the real git command line.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { api, baseUrl, createProject, createUser, share, signInBrowser, unique, type TestUser } from "../helpers/api";
import { startExternalWorld, type ExternalWorld } from "../helpers/external-project";
import { startCountingRelay } from "../helpers/gateway";
import { gitOk, tempDir } from "../helpers/git";
import { writeRandomFile } from "../helpers/random-file";
import { bareRepo, expectError } from "./helpers";

type Format = "zip" | "tar.gz";
type Download = { status: number; headers: Headers; bytes: Buffer; text: string; body: any };

let owner: TestUser;
let viewer: TestUser;
let stranger: TestUser;
let project: { id: string; name: string; cloneUrl: string };
let work: string;
let commits: { main: string; tagged: string; feature: string };

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const stagingDir = () => path.join(inject("dataDir"), "repos", ".staging");
const archiveLeftovers = () => (fs.existsSync(stagingDir()) ? fs.readdirSync(stagingDir()).filter((name) => name.startsWith("archive-")) : []);

/** GET the archive with a token (or a session cookie, or nothing), the whole body read. */
async function download(projectId: string, query: string, auth: { token?: string; cookie?: string } = { token: owner.token }): Promise<Download> {
  const headers: Record<string, string> = {};
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  const res = await fetch(`${baseUrl()}/api/v1/projects/${projectId}/archive${query}`, { headers });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString("utf8");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, bytes, text, body };
}

/** Extracts with the real tar, or python3's zipfile (or unzip, which keeps modes and symbolic links); answers the folder extracted into. */
function extract(bytes: Buffer, format: Format, { unzip = false } = {}): string {
  const dir = tempDir("archive-out-");
  const file = path.join(dir, `archive.${format}`);
  fs.writeFileSync(file, bytes);
  const into = path.join(dir, "x");
  fs.mkdirSync(into);
  if (format === "tar.gz") execFileSync("tar", ["-xzf", file, "-C", into]);
  else if (unzip) execFileSync("unzip", ["-q", file, "-d", into]);
  else execFileSync("python3", ["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", file, into]);
  return into;
}

/** Every file of a commit in a native clone, byte for byte, against the extracted folder (a symbolic link's blob is its target). */
function expectSameFiles(extracted: string, clone: string, commit: string): void {
  const listed = execFileSync("git", ["ls-tree", "-r", "-z", "--name-only", commit], { cwd: clone }).toString("utf8").split("\0").filter(Boolean).sort();
  const walk = (dir: string, prefix = ""): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]));
  expect(walk(extracted).sort()).toEqual(listed);
  for (const file of listed) {
    const expected = execFileSync("git", ["cat-file", "blob", `${commit}:${file}`], { cwd: clone, maxBuffer: 64 * 1024 * 1024 });
    const full = path.join(extracted, file);
    const actual = fs.lstatSync(full).isSymbolicLink() ? Buffer.from(fs.readlinkSync(full)) : fs.readFileSync(full);
    expect(actual.equals(expected), file).toBe(true);
  }
}

/** Branches and tags with their objects, as `git for-each-ref` lists them. */
const refsOf = (gitDirArgs: string[]) => gitOk([...gitDirArgs, "for-each-ref", "--format=%(objectname) %(refname)", "refs/heads", "refs/tags"]);

/** The checks of a repository downloaded with its history: the same refs and history as `expected`, whole, clean, and nothing of the server in it. */
function expectWholeRepository(dir: string, expected: { refs: string; log: string; branch: string }, secrets: string[]): void {
  expect(refsOf(["-C", dir])).toBe(expected.refs);
  expect(gitOk(["-C", dir, "log", "--all", "--format=%H %P %an %ae %at %s"])).toBe(expected.log);
  gitOk(["-C", dir, "fsck", "--full", "--strict"]);
  expect(gitOk(["-C", dir, "symbolic-ref", "HEAD"]).trim()).toBe(`refs/heads/${expected.branch}`);
  expect(gitOk(["-C", dir, "status", "--porcelain"])).toBe("");
  expect(fs.existsSync(path.join(dir, ".git", "hooks"))).toBe(false);
  const config = fs.readFileSync(path.join(dir, ".git", "config"), "utf8");
  expect(config).not.toMatch(/\[remote|url\s*=|extraheader|credential/i);
  expect(gitOk(["-C", dir, "config", "--local", "--list"]).split("\n").filter(Boolean).every((line) => line.startsWith("core."))).toBe(true);
  const files = fs.readdirSync(path.join(dir, ".git"), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  for (const file of files) {
    const content = fs.readFileSync(path.join(file.parentPath, file.name));
    for (const secret of secrets) expect(content.includes(secret), `${file.name} holds a credential`).toBe(false);
  }
}

beforeAll(async () => {
  [owner, viewer, stranger] = await Promise.all([createUser(), createUser(), createUser()]);
  project = await createProject(owner, { name: unique("archive-") });
  await share(project, owner, viewer, "viewer");
  work = path.join(tempDir(), "work");
  gitOk(["clone", "-q", project.cloneUrl, work], { auth: { token: owner.token } });
  fs.mkdirSync(path.join(work, "data", "données"), { recursive: true });
  fs.writeFileSync(path.join(work, "data", "données", "été.csv"), "x,y\n1,2\n");
  fs.writeFileSync(path.join(work, "data", "blob.bin"), randomBytes(200_000));
  fs.writeFileSync(path.join(work, "run.sh"), "#!/bin/sh\necho hello\n", { mode: 0o755 });
  fs.symlinkSync("data/blob.bin", path.join(work, "blob-link"));
  gitOk(["add", "--all"], { cwd: work });
  gitOk(["commit", "-q", "-m", "Data"], { cwd: work });
  const tagged = gitOk(["rev-parse", "HEAD"], { cwd: work }).trim();
  gitOk(["tag", "-a", "v1.0", "-m", "First release"], { cwd: work });
  fs.writeFileSync(path.join(work, "README.md"), "# Changed after v1.0\n");
  gitOk(["commit", "-q", "-am", "After the release"], { cwd: work });
  const main = gitOk(["rev-parse", "HEAD"], { cwd: work }).trim();
  gitOk(["checkout", "-q", "-b", "feature/models"], { cwd: work });
  fs.writeFileSync(path.join(work, "model.py"), "print('model')\n");
  gitOk(["add", "model.py"], { cwd: work });
  gitOk(["commit", "-q", "-m", "Model"], { cwd: work });
  const feature = gitOk(["rev-parse", "HEAD"], { cwd: work }).trim();
  gitOk(["checkout", "-q", "main"], { cwd: work });
  gitOk(["push", "-q", "origin", "--all"], { cwd: work, auth: { token: owner.token } });
  gitOk(["push", "-q", "origin", "--tags"], { cwd: work, auth: { token: owner.token } });
  commits = { main, tagged, feature };
}, 120_000);

describe("a revision archive", () => {
  for (const format of ["zip", "tar.gz"] as const) {
    it(`is byte for byte the same each time, and the same as native git archive (${format})`, async () => {
      const first = await download(project.id, `?format=${format}`);
      expect(first.status, first.text.slice(0, 300)).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      const second = await download(project.id, `?ref=main&format=${format}`);
      expect(sha256(second.bytes)).toBe(sha256(first.bytes));
      const native = execFileSync("git", ["archive", `--format=${format}`, `--prefix=${project.name}/`, commits.main], { cwd: work, maxBuffer: 64 * 1024 * 1024 });
      expect(sha256(first.bytes)).toBe(sha256(native));

      expect(first.headers.get("content-type")).toBe(format === "zip" ? "application/zip" : "application/gzip");
      expect(first.headers.get("content-disposition")).toBe(`attachment; filename="${project.name}-main.${format}"`);
      expect(first.headers.get("x-benchtop-commit")).toBe(commits.main);
      if (format === "tar.gz") {
        // A gzip header without a time (MTIME 0) and without a file name (FLG 0).
        expect([...first.bytes.subarray(0, 4)]).toEqual([0x1f, 0x8b, 8, 0]);
        expect(first.bytes.readUInt32LE(4)).toBe(0);
      }
    });

    it(`holds exactly the commit's files, byte for byte, under the project's name (${format})`, async () => {
      const got = await download(project.id, `?ref=main&format=${format}`);
      const extracted = extract(got.bytes, format);
      expect(fs.readdirSync(extracted)).toEqual([project.name]);
      expectSameFiles(path.join(extracted, project.name), work, commits.main);
      if (format === "tar.gz") {
        expect(fs.readlinkSync(path.join(extracted, project.name, "blob-link"))).toBe("data/blob.bin");
        expect(fs.statSync(path.join(extracted, project.name, "run.sh")).mode & 0o111).not.toBe(0);
      }
    });
  }

  it("takes a tag, a branch with a slash, and a commit id, full or short", async () => {
    const tag = await download(project.id, "?ref=v1.0&format=tar.gz");
    expect(tag.status).toBe(200);
    expect(tag.headers.get("x-benchtop-commit")).toBe(commits.tagged);
    expect(tag.headers.get("content-disposition")).toBe(`attachment; filename="${project.name}-v1.0.tar.gz"`);
    expectSameFiles(path.join(extract(tag.bytes, "tar.gz"), project.name), work, commits.tagged);

    const branch = await download(project.id, `?ref=${encodeURIComponent("feature/models")}`);
    expect(branch.headers.get("x-benchtop-commit")).toBe(commits.feature);
    expect(branch.headers.get("content-disposition")).toBe(`attachment; filename="${project.name}-feature-models.zip"`);

    const byId = await download(project.id, `?ref=${commits.tagged}&format=zip`);
    expect(byId.headers.get("content-disposition")).toBe(`attachment; filename="${project.name}-${commits.tagged.slice(0, 12)}.zip"`);
    expect(sha256(byId.bytes)).toBe(sha256(execFileSync("git", ["archive", "--format=zip", `--prefix=${project.name}/`, commits.tagged], { cwd: work })));
    const short = await download(project.id, `?ref=${commits.tagged.slice(0, 10)}&format=zip`);
    expect(sha256(short.bytes)).toBe(sha256(byId.bytes));
  });

  it("refuses an unknown ref with 404 naming it and saying where the branches are", async () => {
    const res = await download(project.id, "?ref=no-such-branch");
    expectError(res, 404, "not_found");
    expect(res.body.error.message).toContain('"no-such-branch"');
    expect(res.body.error.message).toContain(`/api/v1/projects/${project.id}/branches`);
  });

  it("refuses an option-like or malformed ref, format or history before git sees it", async () => {
    const target = path.join(tempDir(), `leak-${unique("")}`);
    for (const ref of [`--output=${target}`, "-o", "main~1", "main:README.md", "HEAD@{0}"]) {
      const res = await download(project.id, `?ref=${encodeURIComponent(ref)}`);
      expectError(res, 400, "invalid_input", ["ref"]);
    }
    expect(fs.existsSync(target)).toBe(false);
    expectError(await download(project.id, "?format=rar"), 400, "invalid_input", ["format"]);
    expectError(await download(project.id, "?history=yes"), 400, "invalid_input", ["history"]);
  });

  it("is for the project's members: a viewer (by token or session cookie) downloads, a stranger gets 404, no credential 401", async () => {
    const byViewer = await download(project.id, "?format=tar.gz", { token: viewer.token });
    expect(byViewer.status).toBe(200);
    const cookie = await signInBrowser(viewer);
    const byCookie = await download(project.id, "?format=tar.gz", { cookie });
    expect(byCookie.status).toBe(200);
    expect(sha256(byCookie.bytes)).toBe(sha256(byViewer.bytes));

    const byStranger = await download(project.id, "", { token: stranger.token });
    expectError(byStranger, 404, "not_found");
    expect((await api(`/api/v1/projects/${project.id}`, { token: stranger.token })).status).toBe(404);
    expectError(await download(project.id, "", {}), 401, "unauthorized");
    expectError(await download("nosuchproject", ""), 404, "not_found");
  });

  it("is recorded in the audit trail as archive.downloaded with ref, commit, format and history", async () => {
    expect((await download(project.id, "?ref=v1.0&format=tar.gz", { token: viewer.token })).status).toBe(200);
    const audit = await api(`/api/v1/projects/${project.id}/audit?action=archive.downloaded`, { token: owner.token });
    expect(audit.status).toBe(200);
    expect(audit.body.events[0]).toMatchObject({ action: "archive.downloaded", actor: { email: viewer.email }, detail: { ref: "v1.0", commit: commits.tagged, format: "tar.gz", history: false } });
  });
});

describe("an archive with the whole history (history=true)", () => {
  const expected = () => ({ refs: refsOf(["--git-dir", bareRepo(project.id)]), log: gitOk(["--git-dir", bareRepo(project.id), "log", "--all", "--format=%H %P %an %ae %at %s"]), branch: "main" });

  for (const format of ["tar.gz", "zip"] as const) {
    it(`holds the working tree and a .git with every branch, tag and commit, and nothing of the server (${format})`, async () => {
      const got = await download(project.id, `?history=true&format=${format}`);
      expect(got.status, got.text.slice(0, 300)).toBe(200);
      expect(got.headers.get("content-disposition")).toBe(`attachment; filename="${project.name}-main-history.${format}"`);
      const extracted = extract(got.bytes, format, { unzip: true });
      expect(fs.readdirSync(extracted)).toEqual([project.name]);
      const dir = path.join(extracted, project.name);
      expectWholeRepository(dir, expected(), [owner.token, viewer.token]);
      expect(fs.readFileSync(path.join(dir, "data", "données", "été.csv"), "utf8")).toBe("x,y\n1,2\n");
      expect(fs.readlinkSync(path.join(dir, "blob-link"))).toBe("data/blob.bin");
      await expect.poll(archiveLeftovers).toEqual([]);
      const audit = await api(`/api/v1/projects/${project.id}/audit?action=archive.downloaded`, { token: owner.token });
      expect(audit.body.events[0].detail).toEqual({ ref: "HEAD", commit: commits.main, format, history: true });
    });
  }

  it("checks out a tag as a detached HEAD, with every branch still there", async () => {
    const got = await download(project.id, "?history=true&ref=v1.0&format=tar.gz");
    const dir = path.join(extract(got.bytes, "tar.gz"), project.name);
    expect(gitOk(["-C", dir, "rev-parse", "HEAD"]).trim()).toBe(commits.tagged);
    expect(gitOk(["-C", dir, "status", "--porcelain"])).toBe("");
    expect(refsOf(["-C", dir])).toBe(expected().refs);
  });

  it("removes its temporary folder when the client leaves half-way", { timeout: 120_000 }, async () => {
    const big = await createProject(owner, { name: unique("big-archive-") });
    const dir = path.join(tempDir(), "big");
    gitOk(["clone", "-q", big.cloneUrl, dir], { auth: { token: owner.token } });
    writeRandomFile(path.join(dir, "data.bin"), 24 * 1024 * 1024);
    gitOk(["add", "data.bin"], { cwd: dir });
    gitOk(["commit", "-q", "-m", "Data"], { cwd: dir });
    gitOk(["push", "-q", "origin", "main"], { cwd: dir, auth: { token: owner.token } });

    // A connection of its own (no keep-alive pool), read for one chunk, then dropped.
    const response = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get(`${baseUrl()}/api/v1/projects/${big.id}/archive?history=true&format=tar.gz`, { agent: false, headers: { authorization: `Bearer ${owner.token}` } }, resolve).on("error", reject),
    );
    expect(response.statusCode).toBe(200);
    await new Promise((resolve) => response.once("data", resolve));
    response.pause();
    expect(archiveLeftovers().length).toBeGreaterThan(0);
    response.destroy();
    await expect.poll(archiveLeftovers, { timeout: 20_000 }).toEqual([]);
  });
});

describe("projects on a git host", () => {
  let world: ExternalWorld;
  let external: { id: string; fullName: string; remoteName: string };
  let member: TestUser;
  let hostClone: string;
  let relay: Awaited<ReturnType<typeof startCountingRelay>>;
  let linked: { id: string; name: string };

  beforeAll(async () => {
    world = await startExternalWorld();
    const { github } = world;
    // An external project's repository in the organization, with content pushed there by the service account.
    external = await world.externalProject(owner);
    const hostUrl = `${github.url}/${external.fullName}.git`;
    hostClone = path.join(tempDir(), "host");
    gitOk(["init", "-q", hostClone]);
    fs.writeFileSync(path.join(hostClone, "README.md"), "# At the host\n");
    fs.mkdirSync(path.join(hostClone, "src"));
    fs.writeFileSync(path.join(hostClone, "src", "train.py"), "print('train')\n");
    gitOk(["add", "--all"], { cwd: hostClone });
    gitOk(["commit", "-q", "-m", "At the host"], { cwd: hostClone });
    gitOk(["tag", "v2", "HEAD"], { cwd: hostClone });
    gitOk(["branch", "experiment"], { cwd: hostClone });
    gitOk(["push", "-q", hostUrl, "main", "experiment", "v2"], { cwd: hostClone, auth: { token: github.orgWorld.service.token } });
    // A member who reads it at the host as alice, their own connected account.
    member = await createUser();
    expect((await world.connect(member, github.orgWorld.alice.token)).status).toBe(201);
    await share({ id: external.id }, owner, member, "viewer");

    // A linked project on acme/models, reached through a relay that can be taken down.
    relay = await startCountingRelay({ host: "127.0.0.1", port: Number(new URL(github.url).port) });
    const registered = await api("/api/v1/repositories", { method: "POST", token: owner.token, body: { provider: "github-enterprise", name: unique("models-"), location: `${relay.url}/acme/models`, token: github.world.tokens.admin } });
    expect(registered.status, registered.text).toBe(201);
    const created = await api("/api/v1/projects", { method: "POST", token: owner.token, body: { name: unique("linked-"), repositoryId: registered.body.id, link: true } });
    expect(created.status, created.text).toBe(201);
    linked = created.body;
  }, 180_000);

  afterAll(async () => {
    await relay?.stop();
    await world?.stop();
  });

  it("downloads an external project's files through the member's own connection, and leaves no copy behind", async () => {
    const got = await download(external.id, "?format=tar.gz", { token: member.token });
    expect(got.status, got.text.slice(0, 300)).toBe(200);
    const head = gitOk(["rev-parse", "HEAD"], { cwd: hostClone }).trim();
    expect(got.headers.get("x-benchtop-commit")).toBe(head);
    expect(sha256(got.bytes)).toBe(sha256(execFileSync("git", ["archive", "--format=tar.gz", `--prefix=${external.remoteName}/`, head], { cwd: hostClone })));
    expectSameFiles(path.join(extract(got.bytes, "tar.gz"), external.remoteName), hostClone, head);
    await expect.poll(archiveLeftovers).toEqual([]);
  });

  it("downloads an external project with its history: the host's branches and tags", async () => {
    const got = await download(external.id, "?history=true&format=zip&ref=experiment", { token: member.token });
    expect(got.status, got.text.slice(0, 300)).toBe(200);
    const dir = path.join(extract(got.bytes, "zip", { unzip: true }), external.remoteName);
    const hostRefs = gitOk(["ls-remote", "--heads", "--tags", `${world.github.url}/${external.fullName}.git`], { auth: { token: world.github.orgWorld.service.token } })
      .trim()
      .split("\n")
      .map((line) => line.replace("\t", " "))
      .sort()
      .join("\n");
    expect(refsOf(["-C", dir]).trim().split("\n").sort().join("\n")).toBe(hostRefs);
    expectWholeRepository(dir, { refs: refsOf(["-C", dir]), log: gitOk(["-C", hostClone, "log", "--all", "--format=%H %P %an %ae %at %s"]), branch: "experiment" }, [world.github.orgWorld.alice.token, world.github.orgWorld.service.token]);
    await expect.poll(archiveLeftovers).toEqual([]);
  });

  it("asks a member without a credential at the host to connect (409), and leaves no copy behind", async () => {
    // The owner never connected an account at the emulator: the organization's private repository asks for one.
    const got = await download(external.id, "", { token: owner.token });
    expectError(got, 409, "connection_required");
    expect(got.body.error.message).toContain(world.host);
    expect(got.body.error.message).toMatch(/Connections/);
    expect(got.text).not.toContain(world.github.orgWorld.service.token);
    await expect.poll(archiveLeftovers).toEqual([]);
  });

  it("downloads a linked project with its owner's stored token", async () => {
    const got = await download(linked.id, "?format=zip");
    expect(got.status, got.text.slice(0, 300)).toBe(200);
    const clone = path.join(tempDir(), "models");
    gitOk(["clone", "-q", `${world.github.url}/acme/models.git`, clone], { auth: { token: world.github.world.tokens.admin } });
    const head = gitOk(["rev-parse", "HEAD"], { cwd: clone }).trim();
    expect(got.headers.get("x-benchtop-commit")).toBe(head);
    expect(sha256(got.bytes)).toBe(sha256(execFileSync("git", ["archive", "--format=zip", `--prefix=${linked.name}/`, head], { cwd: clone })));
    expectSameFiles(path.join(extract(got.bytes, "zip"), linked.name), clone, head);
  });

  it("says the host cannot be reached (502) when it does not answer, and leaves no copy behind", async () => {
    await relay.stop();
    const got = await download(linked.id, "");
    expectError(got, 502, "upstream_error");
    expect(got.body.error.message).toMatch(/could not reach 127\.0\.0\.1:\d+/);
    expect(got.text).not.toContain(world.github.world.tokens.admin);
    await expect.poll(archiveLeftovers).toEqual([]);
  });
});
