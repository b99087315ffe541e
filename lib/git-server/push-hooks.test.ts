import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePushHooks } from "./push-hooks";
import { gitEnvironment } from "./run-git";

let root: string;
let hooks: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-hooks-"));
  hooks = writePushHooks({ dir: path.join(root, "hooks"), gitBin: "git" });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

// The server's strict environment (run-git.ts). A local push drops GIT_CONFIG_* before it starts
// receive-pack, so the hooks folder is set in the bare repository here; the git server passes it
// in the environment (tests/security/push-file-names.test.ts).
function git(cwd: string, args: string[], input?: string) {
  const result = spawnSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.test", "-c", "init.defaultBranch=main", ...args], {
    cwd,
    input,
    encoding: "utf8",
    env: gitEnvironment(),
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

function repoPair() {
  const dir = fs.mkdtempSync(path.join(root, "pair-"));
  git(dir, ["init", "-q", "--bare", "origin.git"]);
  git(path.join(dir, "origin.git"), ["config", "core.hooksPath", hooks]);
  git(dir, ["init", "-q", "work"]);
  const work = path.join(dir, "work");
  fs.writeFileSync(path.join(work, "README.md"), "# ok\n");
  git(work, ["add", "-A"]);
  git(work, ["commit", "-qm", "First"]);
  git(work, ["remote", "add", "origin", path.join(dir, "origin.git")]);
  return { work, origin: path.join(dir, "origin.git") };
}

/** Commits a file whose name the file system here may not hold, with plumbing (as any client can). */
function commitName(work: string, name: string) {
  const blob = git(work, ["hash-object", "-w", "--stdin"], "data\n").stdout;
  const base = git(work, ["ls-tree", "HEAD"]).stdout;
  const tree = git(work, ["mktree", "-z"], [...base.split("\n"), `100644 blob ${blob}\t${name}`].map((line) => `${line}\x00`).join("")).stdout;
  const commit = git(work, ["commit-tree", tree, "-p", "HEAD", "-m", "Add a name"]).stdout;
  git(work, ["update-ref", "refs/heads/main", commit]);
  return commit;
}

describe("the pre-receive hook", () => {
  it("lets an ordinary push through", () => {
    const { work } = repoPair();
    expect(git(work, ["push", "-q", "origin", "main"]).status).toBe(0);
  });

  it.each([
    ["x".repeat(300), "300 bytes long"],
    [`${"é".repeat(128)}.txt`, "260 bytes long"],
    ["tab\there", "control character"],
    ["Icon\r", "control character"],
  ])("refuses a push adding %j, one line per path, and creates no ref", (name, says) => {
    const { work, origin } = repoPair();
    commitName(work, name);
    const pushed = git(work, ["push", "origin", "main"]);
    expect(pushed.status).not.toBe(0);
    expect(pushed.stderr).toMatch(new RegExp(`remote: Benchtop refused ".*": .*${says}`));
    expect(pushed.stderr).toContain("pre-receive hook declined");
    expect(git(origin, ["rev-parse", "--verify", "-q", "refs/heads/main"]).status).not.toBe(0);
  });

  it("checks folders on the way too, and every new commit, not only the tip", () => {
    const { work, origin } = repoPair();
    fs.mkdirSync(path.join(work, "a".repeat(200)));
    git(work, ["commit", "-q", "--allow-empty", "-m", "Nothing"]);
    const blob = git(work, ["hash-object", "-w", "--stdin"], "x\n").stdout;
    const inner = git(work, ["mktree"], `100644 blob ${blob}\tfile.txt\n`).stdout;
    const tree = git(work, ["mktree"], `040000 tree ${inner}\t${"d".repeat(256)}\n`).stdout;
    const bad = git(work, ["commit-tree", tree, "-p", "HEAD", "-m", "Bad folder"]).stdout;
    const good = git(work, ["commit-tree", git(work, ["rev-parse", "HEAD^{tree}"]).stdout, "-p", bad, "-m", "Removed again"]).stdout;
    git(work, ["update-ref", "refs/heads/main", good]);
    const pushed = git(work, ["push", "origin", "main"]);
    expect(pushed.status).not.toBe(0);
    expect(pushed.stderr).toContain("256 bytes long");
    expect(git(origin, ["rev-parse", "--verify", "-q", "refs/heads/main"]).status).not.toBe(0);
  });

  it("lets branches be created at and deleted from commits the server has", () => {
    const { work } = repoPair();
    expect(git(work, ["push", "-q", "origin", "main"]).status).toBe(0);
    expect(git(work, ["push", "-q", "origin", "main:copy"]).status).toBe(0);
    expect(git(work, ["push", "-q", "origin", ":copy"]).status).toBe(0);
  });

  it("warns about a new file over 100 MB, naming it and recommending Git LFS, and lets the push through", () => {
    const { work, origin } = repoPair();
    expect(git(work, ["push", "-q", "origin", "main"]).status).toBe(0);
    fs.mkdirSync(path.join(work, "data"));
    // Zeros: 101 MB on disk that git compresses to almost nothing.
    const big = path.join(work, "data", "big.bin");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 101 * 1024 * 1024);
    fs.writeFileSync(path.join(work, "data", "small.bin"), "small\n");
    git(work, ["add", "."]);
    git(work, ["commit", "-qm", "Data"]);
    const pushed = git(work, ["push", "origin", "main"]);
    expect(pushed.status).toBe(0);
    expect(pushed.stderr).toContain('remote: warning: "data/big.bin" is 101 MB. Files over 100 MB make every clone and session slow: keep them in large-file storage made for them (Git LFS');
    expect(pushed.stderr).not.toContain("small.bin");
    expect(git(origin, ["rev-parse", "main"]).stdout).toBe(git(work, ["rev-parse", "HEAD"]).stdout);
    // Pushed again under another name, the same file is not new to the server: no warning.
    const again = git(work, ["push", "origin", "main:copy"]);
    expect(again.stderr).not.toContain("warning:");
  });

  it("is rewritten whole on the next start", () => {
    fs.writeFileSync(path.join(hooks, "pre-receive"), "#!/bin/sh\nexit 0\n");
    writePushHooks({ dir: hooks, gitBin: "git" });
    expect(fs.readFileSync(path.join(hooks, "pre-receive"), "utf8")).toContain("check-pushed-paths.mjs");
    expect(fs.statSync(path.join(hooks, "pre-receive")).mode & 0o111).toBeTruthy();
  });
});
