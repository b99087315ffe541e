import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, createUser, unique, type TestUser } from "../helpers/api";
import { gitOk, tempDir } from "../helpers/git";
import { uploadArchive } from "../helpers/upload";

let owner: TestUser;
const scratch = tempDir("benchtop-round-trip-");
beforeAll(async () => {
  owner = await createUser({ name: "Round Trip" });
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** What must survive a round trip, read with the real git command line: every ref with its object, every branch's tree, the whole history. */
function repositoryFacts(gitDir: string) {
  const refs = gitOk(["--git-dir", gitDir, "for-each-ref", "--format=%(refname) %(objectname) %(objecttype)", "refs/heads", "refs/tags"]);
  const trees = gitOk(["--git-dir", gitDir, "for-each-ref", "--format=%(refname) %(objectname:short)", "refs/heads"])
    .trim()
    .split("\n")
    .map((line) => `${line.split(" ")[0]} ${gitOk(["--git-dir", gitDir, "rev-parse", `${line.split(" ")[0]}^{tree}`]).trim()}`);
  const history = gitOk(["--git-dir", gitDir, "log", "--all", "--format=%H %P|%an <%ae>|%at|%s"]);
  return { refs, trees, history };
}

/** Clones a project from Benchtop's git server as a mirror, with a personal access token. */
function mirrorOf(cloneUrl: string): string {
  const dir = path.join(tempDir(), "mirror.git");
  const header = `http.extraHeader=Authorization: Basic ${Buffer.from(`git:${owner.token}`).toString("base64")}`;
  gitOk(["-c", header, "clone", "-q", "--mirror", cloneUrl, dir]);
  return dir;
}

async function downloadWithHistory(projectId: string): Promise<Buffer> {
  const res = await fetch(`${baseUrl()}/api/v1/projects/${projectId}/archive?format=tar.gz&history=true`, { headers: { authorization: `Bearer ${owner.token}` } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe("an archive with history, round trip", () => {
  it("upload a repository, download it with its history, upload that again: refs, trees and history are the same at every step", async () => {
    // A repository with two branches, an annotated and a light tag, a merge, an executable and a binary file.
    const work = path.join(scratch, "source", "lab");
    fs.mkdirSync(work, { recursive: true });
    const inWork = (args: string[]) => gitOk(["-c", "user.name=Ada", "-c", "user.email=ada@example.test", ...args], { cwd: work });
    inWork(["init", "-q", "-b", "main"]);
    fs.writeFileSync(path.join(work, "run.sh"), "#!/bin/sh\necho run\n", { mode: 0o755 });
    fs.writeFileSync(path.join(work, "weights.bin"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    inWork(["add", "."]);
    inWork(["commit", "-qm", "Start"]);
    inWork(["tag", "-a", "v1", "-m", "First"]);
    inWork(["checkout", "-qb", "experiment"]);
    fs.writeFileSync(path.join(work, "idea.md"), "# An idea\n");
    inWork(["add", "."]);
    inWork(["commit", "-qm", "Try an idea"]);
    inWork(["checkout", "-q", "main"]);
    fs.writeFileSync(path.join(work, "notes.txt"), "main moves on\n");
    inWork(["add", "."]);
    inWork(["commit", "-qm", "Notes"]);
    inWork(["merge", "-q", "--no-ff", "-m", "Merge the idea", "experiment"]);
    inWork(["tag", "light"]);
    const source = repositoryFacts(path.join(work, ".git"));
    const archive = path.join(scratch, "lab.tar.gz");
    execFileSync("tar", ["-czf", archive, "lab"], { cwd: path.dirname(work) });

    // 1. Upload: the project's repository is the source's.
    const first = await uploadArchive({ name: unique("lab-"), content: archive, fileName: "lab.tar.gz", auth: { token: owner.token } });
    expect(first.status, first.text).toBe(201);
    expect(first.body.defaultBranch).toBe("main");
    expect(repositoryFacts(mirrorOf(first.body.cloneUrl))).toEqual(source);

    // 2. Download with history: the archive's .git is the source's too, and git finds it sound.
    const downloaded = await downloadWithHistory(first.body.id);
    const unpacked = tempDir();
    const downloadedFile = path.join(scratch, "downloaded.tar.gz");
    fs.writeFileSync(downloadedFile, downloaded);
    execFileSync("tar", ["-xzf", downloadedFile, "-C", unpacked]);
    const [top] = fs.readdirSync(unpacked);
    const gitDir = path.join(unpacked, top!, ".git");
    expect(repositoryFacts(gitDir)).toEqual(source);
    gitOk(["--git-dir", gitDir, "fsck", "--full", "--strict"]);
    expect(fs.readFileSync(path.join(unpacked, top!, "idea.md"), "utf8")).toBe("# An idea\n");
    expect(fs.statSync(path.join(unpacked, top!, "run.sh")).mode & 0o111).not.toBe(0);

    // 3. Upload that download: a second project with the same refs, trees and history.
    const second = await uploadArchive({ name: unique("lab-again-"), content: downloadedFile, fileName: "downloaded.tar.gz", auth: { token: owner.token } });
    expect(second.status, second.text).toBe(201);
    expect(second.body.defaultBranch).toBe("main");
    expect(repositoryFacts(mirrorOf(second.body.cloneUrl))).toEqual(source);

    const events = await api(`/api/v1/projects/${second.body.id}/audit?action=archive.uploaded`, { token: owner.token });
    expect(events.body.events.map((e: { detail: { history: boolean } }) => e.detail.history)).toEqual([true]);
  });
});
