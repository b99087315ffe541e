import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitEnvironment } from "@/lib/git-server";
import { copyHistory, inspectHistory } from "./history";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-history-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function git(cwd: string, args: string[]): string {
  const result = spawnSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.test", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8", env: gitEnvironment() });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}

/** A working repository with two branches (HEAD on "develop"), a tag, and (unless `plant` is false) planted hooks and configuration. */
function plantedRepository({ plant = true } = {}): { work: string; gitDir: string; marker: string } {
  const work = fs.mkdtempSync(path.join(root, "work-"));
  const marker = path.join(root, `hook-ran-${path.basename(work)}`);
  git(work, ["init", "-q"]);
  fs.writeFileSync(path.join(work, "a.txt"), "one\n");
  git(work, ["add", "."]);
  git(work, ["commit", "-qm", "One"]);
  git(work, ["tag", "-a", "v1", "-m", "Version 1"]);
  git(work, ["checkout", "-qb", "develop"]);
  fs.writeFileSync(path.join(work, "b.txt"), "two\n");
  git(work, ["add", "."]);
  git(work, ["commit", "-qm", "Two"]);
  const gitDir = path.join(work, ".git");
  if (!plant) return { work, gitDir, marker };
  for (const hook of ["pre-auto-gc", "reference-transaction", "post-checkout", "pre-push"]) {
    fs.writeFileSync(path.join(gitDir, "hooks", hook), `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
  }
  fs.appendFileSync(path.join(gitDir, "config"), `[core]\n\tfsmonitor = touch ${marker}\n\thooksPath = ${path.join(gitDir, "hooks")}\n[include]\n\tpath = /etc/passwd\n`);
  return { work, gitDir, marker };
}

describe("a repository inside an upload", () => {
  it("loses its hooks, configuration and alternates, passes fsck, and is copied whole with HEAD's branch as default", async () => {
    const { gitDir, marker } = plantedRepository();
    const other = fs.mkdtempSync(path.join(root, "other-"));
    git(other, ["init", "-q", "--bare"]);
    fs.writeFileSync(path.join(gitDir, "objects", "info", "alternates"), `${path.join(other, "objects")}\n`);

    const { defaultBranch } = await inspectHistory({ gitDir });
    expect(defaultBranch).toBe("develop");
    expect(fs.existsSync(path.join(gitDir, "hooks"))).toBe(false);
    expect(fs.existsSync(path.join(gitDir, "objects", "info", "alternates"))).toBe(false);
    expect(fs.readFileSync(path.join(gitDir, "config"), "utf8")).toBe("[core]\n\trepositoryformatversion = 0\n\tbare = true\n");

    const copy = path.join(root, `copy-${Date.now()}.git`);
    await copyHistory({ gitDir, dir: copy, defaultBranch });
    const refs = (dir: string) => git(dir, ["--git-dir", dir, "for-each-ref", "--format=%(objectname) %(refname)"]);
    expect(refs(copy)).toBe(refs(gitDir));
    expect(refs(copy)).toMatch(/refs\/heads\/develop\n.*refs\/heads\/main\n.*refs\/tags\/v1$/);
    expect(git(copy, ["--git-dir", copy, "symbolic-ref", "HEAD"])).toBe("refs/heads/develop");
    expect(fs.existsSync(marker)).toBe(false);
  });

  it("refuses a shallow repository", async () => {
    const { work } = plantedRepository({ plant: false });
    const shallow = path.join(root, `shallow-${Date.now()}`);
    git(root, ["clone", "-q", "--depth", "1", `file://${work}`, shallow]);
    await expect(inspectHistory({ gitDir: path.join(shallow, ".git") })).rejects.toThrow('The archive\'s repository is shallow (cloned with --depth), so part of its history is missing. Run "git fetch --unshallow" in it');
  });

  it("refuses a repository with a damaged object, in git fsck's words without the server's folders", async () => {
    const { gitDir } = plantedRepository({ plant: false });
    git(gitDir, ["--git-dir", gitDir, "gc", "-q", "--no-prune"]);
    const blob = git(gitDir, ["--git-dir", gitDir, "rev-parse", "develop:b.txt"]);
    // Loose again, then broken: a blob whose bytes no longer match its name.
    const loose = path.join(gitDir, "objects", blob.slice(0, 2), blob.slice(2));
    fs.mkdirSync(path.dirname(loose), { recursive: true });
    for (const pack of fs.readdirSync(path.join(gitDir, "objects", "pack"))) fs.rmSync(path.join(gitDir, "objects", "pack", pack));
    fs.writeFileSync(loose, "not an object");
    const error = await inspectHistory({ gitDir }).then(() => null, (e: Error) => e);
    expect(error?.message).toMatch(/^The git repository in the archive is damaged: git fsck found problems/);
    expect(error?.message).not.toContain(root);
  });

  it("refuses a repository without branches, and one with another object format", async () => {
    const empty = fs.mkdtempSync(path.join(root, "empty-"));
    git(empty, ["init", "-q"]);
    await expect(inspectHistory({ gitDir: path.join(empty, ".git") })).rejects.toThrow("The archive's repository has no branches (no commits yet).");

    const { gitDir } = plantedRepository();
    fs.appendFileSync(path.join(gitDir, "config"), "[extensions]\n\tobjectFormat = sha256\n");
    await expect(inspectHistory({ gitDir })).rejects.toThrow("The archive's repository uses sha256 object names");
  });

  it("refuses a .git folder that is no repository", async () => {
    const bogus = fs.mkdtempSync(path.join(root, "bogus-"));
    await expect(inspectHistory({ gitDir: bogus })).rejects.toThrow("The archive's .git folder is not a git repository (it has no HEAD).");
  });
});
