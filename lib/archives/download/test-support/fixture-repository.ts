import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ENV = { NODE_ENV: "test", PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: os.tmpdir(), GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", LANG: "C" } as const;
const IDENTITY = ["-c", "user.name=Fixture", "-c", "user.email=fixture@example.test", "-c", "init.defaultBranch=main"];

/** Runs the real git command line for a test and answers its output. */
export const gitText = (args: string[], cwd?: string) => execFileSync("git", [...IDENTITY, ...args], { cwd, env: ENV, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });

/**
 * A bare repository in `dir` made with native git: main (two commits: a
 * README, a script with its executable bit, a nested file and a symbolic
 * link), a branch `feature/x` with one more commit, and a tag v1 (annotated)
 * on main's first commit. Answers the commits.
 */
export function makeFixtureRepository(dir: string): { first: string; main: string; feature: string } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "archive-fixture-"));
  gitText(["init", "--quiet", work]);
  const commit = (message: string, date: string) => {
    gitText(["add", "--all"], work);
    execFileSync("git", [...IDENTITY, "commit", "--quiet", "-m", message], { cwd: work, env: { ...ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
    return gitText(["rev-parse", "HEAD"], work).trim();
  };
  fs.writeFileSync(path.join(work, "README.md"), "# Fixture\n");
  const first = commit("First", "2024-01-02T03:04:05Z");
  fs.mkdirSync(path.join(work, "data/nested"), { recursive: true });
  fs.writeFileSync(path.join(work, "data/nested/values.csv"), "a,b\n1,2\n");
  fs.writeFileSync(path.join(work, "run.sh"), "#!/bin/sh\necho run\n", { mode: 0o755 });
  fs.symlinkSync("data/nested/values.csv", path.join(work, "values-link.csv"));
  const main = commit("Second", "2024-02-03T04:05:06Z");
  gitText(["tag", "-a", "v1", "-m", "Version 1", first], work);
  gitText(["checkout", "--quiet", "-b", "feature/x"], work);
  fs.writeFileSync(path.join(work, "feature.txt"), "feature\n");
  const feature = commit("Feature", "2024-03-04T05:06:07Z");
  gitText(["clone", "--quiet", "--bare", work, dir]);
  gitText(["symbolic-ref", "HEAD", "refs/heads/main"], dir);
  fs.rmSync(work, { recursive: true, force: true });
  return { first, main, feature };
}
