import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { tarGzBytes, writeRandomZip, zipBytes } from "@/lib/archives/upload/test-support/archives";
import { api, baseUrl, createProject, createUser, signInBrowser, unique, type TestUser } from "../helpers/api";
import { cloneInto, git, gitOk, tempDir } from "../helpers/git";
import { residentBytes, sampleResidentMemory } from "../helpers/memory";
import { fileChunks, generatedBytes, streamUpload, uploadArchive } from "../helpers/upload";
import { assertSafeAnswer } from "./helpers";

const MB = 1024 * 1024;
const GB = 1024 * MB;

let owner: TestUser;
const scratch = tempDir("benchtop-upload-");
beforeAll(async () => {
  owner = await createUser({ name: "Upload Owner" });
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const dataDir = () => inject("dataDir");
const listing = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
/** What the server keeps on disk that an upload could leave behind: repositories, staged ones, upload work areas. */
const diskState = () => ({
  repositories: listing(path.join(dataDir(), "repos")).filter((name) => name !== ".staging"),
  staging: listing(path.join(dataDir(), "repos", ".staging")),
  uploads: listing(path.join(dataDir(), "uploads")),
});

async function projectsNamed(name: string, user: TestUser = owner): Promise<string[]> {
  const res = await api(`/api/v1/projects?q=${encodeURIComponent(name)}&perPage=100`, { token: user.token });
  return (res.body.projects as { name: string }[]).map((p) => p.name).filter((n) => n === name);
}

/** Every file under `dir` but .git, as path -> bytes (a link as "-> target"), with its executable bit. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(path.join(dir, at), { withFileTypes: true })) {
      const relative = at ? `${at}/${entry.name}` : entry.name;
      if (relative === ".git") continue;
      const full = path.join(dir, relative);
      if (entry.isSymbolicLink()) files[relative] = `-> ${fs.readlinkSync(full)}`;
      else if (entry.isDirectory()) walk(relative);
      else files[relative] = `${fs.statSync(full).mode & 0o100 ? "x " : "- "}${fs.readFileSync(full).toString("base64")}`;
    }
  };
  walk("");
  return files;
}

/** A folder of plain files that an upload must keep byte for byte: CRLF, binary, an executable, a link, and git settings that must not apply. */
function plainFolder(name: string): string {
  const dir = path.join(scratch, unique("plain-"), name);
  fs.mkdirSync(path.join(dir, "data"), { recursive: true });
  fs.mkdirSync(path.join(dir, "bin"));
  fs.writeFileSync(path.join(dir, "README.md"), "# Analysis\r\n\r\nWindows line endings.\r\n");
  fs.writeFileSync(path.join(dir, "data", "raw.bin"), randomBytes(64 * 1024));
  fs.writeFileSync(path.join(dir, "data", "notes é.txt"), "accents in names\n");
  fs.writeFileSync(path.join(dir, "bin", "run.sh"), "#!/bin/sh\necho run\n", { mode: 0o755 });
  fs.symlinkSync("data/raw.bin", path.join(dir, "latest"));
  // Neither may change what is committed: every file goes in, unconverted.
  fs.writeFileSync(path.join(dir, ".gitignore"), "*.bin\n");
  fs.writeFileSync(path.join(dir, ".gitattributes"), "* text=auto eol=lf\n");
  return dir;
}

const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, stdio: "pipe" });

describe("uploading a project", () => {
  it.each([
    ["a zip made with zip(1), files at the top", "zip"],
    ["a tar.gz made with tar(1), in a single top-level folder", "tgz"],
  ])("creates a project from %s whose first commit holds the files byte for byte", async (_, kind) => {
    const folder = plainFolder("analysis");
    const archive = path.join(path.dirname(folder), kind === "zip" ? "files.zip" : "files.tgz");
    if (kind === "zip") run("zip", ["-qry", archive, "."], folder);
    else run("tar", ["-czf", archive, "-C", path.dirname(folder), "analysis"], path.dirname(folder));
    const name = unique("upload-");
    const before = diskState();

    const res = await uploadArchive({ name, description: "From an archive", content: archive, fileName: path.basename(archive), auth: { token: owner.token } });
    assertSafeAnswer(res);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ name, description: "From an archive", role: "owner", backend: "internal", defaultBranch: "main", defaultEditor: "notebook", owner: { handle: owner.handle } });
    expect(res.body.warnings).toBeUndefined();

    const clone = cloneInto(res.body.cloneUrl, { token: owner.token });
    expect(snapshot(clone)).toEqual(snapshot(folder));
    expect(gitOk(["log", "--format=%an <%ae>|%s"], { cwd: clone }).trim()).toBe(`Upload Owner <${owner.email}>|Upload ${path.basename(archive)}`);
    expect(gitOk(["status", "--porcelain"], { cwd: clone })).toBe("");

    const { events } = (await api(`/api/v1/projects/${res.body.id}/audit`, { token: owner.token })).body;
    const uploaded = events.find((e: any) => e.action === "archive.uploaded");
    expect(uploaded.detail).toEqual({ fileName: path.basename(archive), bytes: fs.statSync(archive).size, entries: expect.any(Number), history: false });
    expect(uploaded.detail.entries).toBeGreaterThanOrEqual(7);
    expect(diskState()).toEqual({ ...before, repositories: [...before.repositories, `${res.body.id}.git`].sort() });
  });

  it.each([["tar.gz"], ["zip"]])("keeps the history of a repository in a %s (branches, tags, commits, HEAD), and runs none of its hooks", async (format) => {
    const work = path.join(scratch, unique("history-"), "model");
    fs.mkdirSync(work, { recursive: true });
    gitOk(["init", "-q"], { cwd: work });
    for (const [i, text] of ["one", "two", "three"].entries()) {
      fs.writeFileSync(path.join(work, "model.py"), `print("${text}")\n`);
      gitOk(["add", "."], { cwd: work });
      gitOk(["commit", "-qm", `Step ${i + 1}`], { cwd: work });
    }
    gitOk(["tag", "-a", "v1.0", "-m", "First release"], { cwd: work });
    gitOk(["tag", "light", "HEAD~1"], { cwd: work });
    gitOk(["checkout", "-qb", "develop"], { cwd: work });
    for (const text of ["four", "five"]) {
      fs.writeFileSync(path.join(work, `${text}.txt`), `${text}\n`);
      gitOk(["add", "."], { cwd: work });
      gitOk(["commit", "-qm", `Add ${text}`], { cwd: work });
    }
    // Planted last, so that none of them runs while the repository is made: any that runs later leaves the marker.
    const marker = path.join(scratch, unique("hook-ran-"));
    const hooks = path.join(work, ".git", "hooks");
    for (const hook of ["pre-receive", "update", "post-receive", "post-update", "reference-transaction", "post-checkout", "pre-auto-gc", "post-merge", "fsmonitor-watchman"]) {
      fs.writeFileSync(path.join(hooks, hook), `#!/bin/sh\necho "${hook}" >> ${marker}\n`, { mode: 0o755 });
    }
    fs.appendFileSync(path.join(work, ".git", "config"), `[core]\n\thooksPath = ${hooks}\n\tfsmonitor = ${path.join(hooks, "fsmonitor-watchman")}\n`);
    const archive = path.join(path.dirname(work), `model.${format}`);
    if (format === "zip") run("zip", ["-qry", archive, "model"], path.dirname(work));
    else run("tar", ["-czf", archive, "model"], path.dirname(work));

    const res = await uploadArchive({ name: unique("history-"), content: archive, fileName: path.basename(archive), auth: { token: owner.token } });
    expect(res.status, res.text).toBe(201);
    expect(res.body.defaultBranch).toBe("develop");

    const mirror = path.join(tempDir(), "mirror.git");
    gitOk(["clone", "-q", "--mirror", res.body.cloneUrl, mirror], { auth: { token: owner.token } });
    const refs = (gitDir: string) => gitOk(["--git-dir", gitDir, "for-each-ref", "--format=%(objectname) %(objecttype) %(refname)", "refs/heads", "refs/tags"]);
    expect(refs(mirror)).toBe(refs(path.join(work, ".git")));
    expect(refs(mirror).split("\n").filter(Boolean)).toHaveLength(4);
    const history = (gitDir: string) => gitOk(["--git-dir", gitDir, "log", "--all", "--format=%H %P|%an|%at|%s"]);
    expect(history(mirror)).toBe(history(path.join(work, ".git")));
    expect(history(mirror).trim().split("\n")).toHaveLength(5);
    expect(gitOk(["--git-dir", mirror, "symbolic-ref", "HEAD"]).trim()).toBe("refs/heads/develop");

    const clone = cloneInto(res.body.cloneUrl, { token: owner.token });
    expect(fs.readdirSync(path.join(clone)).sort()).toEqual([".git", "five.txt", "four.txt", "model.py"]);
    expect(fs.existsSync(marker)).toBe(false);
    const { events } = (await api(`/api/v1/projects/${res.body.id}/audit`, { token: owner.token })).body;
    expect(events.find((e: any) => e.action === "archive.uploaded").detail.history).toBe(true);
  });

  it("checks the name before it takes the file: a bad name is answered while the file is still coming", async () => {
    const controller = new AbortController();
    async function* never(): AsyncIterable<Buffer> {
      yield Buffer.from("PK");
      await new Promise((resolve) => controller.signal.addEventListener("abort", resolve));
    }
    const started = Date.now();
    const res = await streamUpload({ name: "bad name!", fileName: "x.zip", file: never(), auth: { token: owner.token }, signal: controller.signal });
    controller.abort();
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.fields.name).toBe("Use only letters, digits, '.', '-' and '_' in the name.");
    expect(Date.now() - started).toBeLessThan(10_000);

    const taken = await createProject(owner);
    const again = await uploadArchive({ name: taken.name, content: zipBytes([{ name: "a.txt", data: "a" }]), auth: { token: owner.token } });
    expect(again.status, again.text).toBe(409);
    expect(again.body.error.fields.name).toBe("You already have a project with this name.");
  });

  it("needs a caller, and a browser session's upload must come from Benchtop's own pages", async () => {
    const content = zipBytes([{ name: "a.txt", data: "a" }]);
    const anonymous = await uploadArchive({ name: unique("anon-"), content, auth: {} });
    expect(anonymous.status).toBe(401);

    const cookie = await signInBrowser(owner);
    const name = unique("cookie-");
    const crossSite = await uploadArchive({ name, content, auth: { cookie, origin: "https://evil.example" } });
    expect(crossSite.status, crossSite.text).toBe(403);
    const noOrigin = await uploadArchive({ name, content, auth: { cookie, origin: null } });
    expect(noOrigin.status, noOrigin.text).toBe(403);
    expect(await projectsNamed(name)).toEqual([]);

    const sameOrigin = await uploadArchive({ name, content, auth: { cookie } });
    expect(sameOrigin.status, sameOrigin.text).toBe(201);
  });
});

describe("refusing an archive through the API", () => {
  const outside = () => path.join(dataDir(), `planted-${randomBytes(4).toString("hex")}`);
  const attacks: [string, () => Buffer, number, string | RegExp][] = [
    ["a zip-slip entry", () => zipBytes([{ name: "ok.txt", data: "ok" }, { name: "../../x", data: "escaped" }]), 400, 'The archive has an entry "../../x" that points outside the project.'],
    ["an absolute path", () => tarGzBytes([{ name: outside(), data: "planted" }]), 400, /The archive has an entry with an absolute path, ".*planted-/],
    ["a symbolic link pointing outside", () => tarGzBytes([{ name: "ok.txt", data: "ok" }, { name: "secrets", type: "SymbolicLink", linkpath: "../../../secrets.json" }]), 400, 'The archive has a symbolic link "secrets" to "../../../secrets.json", outside the project.'],
    ["a hard link", () => tarGzBytes([{ name: "a.txt", data: "a" }, { name: "b.txt", type: "Link", linkpath: "a.txt" }]), 400, 'The archive has a hard link "b.txt" (to "a.txt")'],
    ["a device file", () => tarGzBytes([{ name: "null", type: "CharacterDevice" }]), 400, 'The archive has a device file, "null"'],
    ["a file bomb", () => zipBytes([{ name: "zeros.bin", data: Buffer.alloc(100 * MB) }]), 400, 'The archive expands to more than 200 times its own size, as a "zip bomb" does'],
    ["too many entries", () => zipBytes(Array.from({ length: 100_001 }, (_, i) => ({ name: `f/${i}`, method: 0 as const }))), 413, "The archive has more than 100,000 files and folders."],
    ["a truncated archive", () => tarGzBytes([{ name: "big.txt", data: randomBytes(256 * 1024).toString("hex") }]).subarray(0, 100_000), 400, '"attack.zip" is damaged or incomplete'],
    ["a file that is not an archive", () => Buffer.from("name,value\nchurn,0.3\n"), 400, '"attack.zip" is not a zip or tar.gz archive'],
  ];

  it.each(attacks)("%s: refused with what was wrong, and nothing left behind", async (_, make, status, says) => {
    const name = unique("attack-");
    const before = diskState();
    const res = await uploadArchive({ name, content: make(), fileName: "attack.zip", auth: { token: owner.token } });
    assertSafeAnswer(res);
    expect(res.status, res.text).toBe(status);
    if (typeof says === "string") expect(res.body.error.message).toContain(says);
    else expect(res.body.error.message).toMatch(says);
    expect(res.body.error.fields.file).toBeTruthy();
    expect(await projectsNamed(name)).toEqual([]);
    expect(diskState()).toEqual(before);
    expect(listing(dataDir()).filter((n) => n.startsWith("planted-") || n === "x")).toEqual([]);
    // The failed upload is reported like any failed operation: a notification that says why.
    const notifications = await api(`/api/v1/notifications?unread=true&perPage=100`, { token: owner.token });
    const told = (notifications.body.notifications as { message: string; projectId: string | null }[]).find((n) => n.message.includes(name));
    expect(told, "a notification names the project that was not made").toBeTruthy();
    expect(told!.message).toContain(res.body.error.message);
    expect(told!.projectId).toBeNull();
  });

  it("refuses a body that says it is over 1 GB before reading it", async () => {
    const before = diskState();
    // A raw request: fetch() will not send a body shorter than its Content-Length.
    const answer = await new Promise<{ status: number; body: any }>((resolve, reject) => {
      const request = http.request(`${baseUrl()}/api/v1/projects/import`, {
        method: "POST",
        headers: { authorization: `Bearer ${owner.token}`, "content-type": "multipart/form-data; boundary=x", "content-length": String(GB + 2 * MB) },
      });
      request.on("response", (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
        });
      });
      request.on("error", reject);
      request.write(Buffer.alloc(64 * 1024));
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toBe("The file is larger than 1 GB, the most an upload may be. Upload a smaller archive, or push the project with git.");
    expect(diskState()).toEqual(before);
  });

  it(
    "refuses an upload that turns out over 1 GB while it streams (413), and removes what it had received",
    { timeout: 600_000 },
    async () => {
      const name = unique("over-");
      const before = diskState();
      const res = await streamUpload({ name, fileName: "over.zip", file: generatedBytes(GB + MB), auth: { token: owner.token } });
      expect(res.status, res.text).toBe(413);
      expect(res.body.error.code).toBe("too_large");
      expect(res.body.error.message).toContain("The file is larger than 1 GB");
      expect(await projectsNamed(name)).toEqual([]);
      expect(diskState()).toEqual(before);
    },
  );
});

describe("a 1 GB upload", () => {
  it(
    "is streamed to disk and made into a project while the server grows by less than 100 MB, with a warning for each file over 100 MB",
    { timeout: 900_000 },
    async () => {
      const free = Number(execFileSync("df", ["--output=avail", "-B1", dataDir()]).toString().trim().split("\n")[1]);
      expect(free, "needs about 4 GB free").toBeGreaterThan(4 * GB);
      const archive = path.join(scratch, "gigabyte.zip");
      const files = Array.from({ length: 10 }, (_, i) => ({ name: `part-${i}.bin`, bytes: 102 * MB }));
      writeRandomZip(archive, files);
      const size = fs.statSync(archive).size;
      expect(size).toBeGreaterThan(GB - 5 * MB);
      expect(size).toBeLessThan(GB);

      const pid = inject("serverPid");
      const baseline = residentBytes(pid);
      const sampler = sampleResidentMemory(pid);
      const started = Date.now();
      const res = await streamUpload({ name: unique("gigabyte-"), fileName: "gigabyte.zip", file: fileChunks(archive), auth: { token: owner.token } });
      const peak = sampler.stop();
      fs.rmSync(archive);

      expect(res.status, res.text).toBe(201);
      expect(res.body.warnings).toHaveLength(10);
      expect(res.body.warnings[0]).toBe(
        '"part-0.bin" is 102 MB. Files over 100 MB make every clone and session slow: keep them in large-file storage made for them (Git LFS, https://git-lfs.com) rather than in the repository.',
      );
      const bare = path.join(dataDir(), "repos", `${res.body.id}.git`);
      for (const file of files) expect(Number(gitOk(["--git-dir", bare, "cat-file", "-s", `main:${file.name}`]).trim())).toBe(file.bytes);
      const growth = peak - baseline;
      console.log(`1 GB upload: ${((Date.now() - started) / 1000).toFixed(0)} s, server RSS ${(baseline / MB).toFixed(0)} -> peak ${(peak / MB).toFixed(0)} MB (+${(growth / MB).toFixed(0)} MB)`);
      expect(growth).toBeLessThan(100 * MB);
      expect(diskState().uploads).toEqual([]);
    },
  );
});

describe("a push of a file over 100 MB", () => {
  it("goes through with a warning from the git server that names the file and recommends Git LFS", { timeout: 120_000 }, async () => {
    const project = await createProject(owner);
    const clone = cloneInto(project.cloneUrl, { token: owner.token });
    const big = path.join(clone, "weights.bin");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 110 * MB);
    gitOk(["add", "."], { cwd: clone });
    gitOk(["commit", "-qm", "Add weights"], { cwd: clone });
    const pushed = git(["push", "origin", "main"], { cwd: clone, auth: { token: owner.token } });
    expect(pushed.status, pushed.stderr).toBe(0);
    expect(pushed.stderr).toContain('remote: warning: "weights.bin" is 110 MB. Files over 100 MB make every clone and session slow: keep them in large-file storage made for them (Git LFS');
    fs.rmSync(path.dirname(clone), { recursive: true, force: true });
  });
});
