import fs from "node:fs/promises";
import path from "node:path";
import { runGit } from "../../git-server";
import type { Revision } from "./resolve-revision";

/** No reflogs (they would carry this server's user and host names), no hooks ever run. */
const QUIET = ["-c", "core.logAllRefUpdates=false", "-c", "core.hooksPath=/dev/null", "-c", "fetch.unpackLimit=1"];

/**
 * Makes in `dir` what a person has after cloning: the files of `revision` and
 * a `.git` holding every branch and tag of the bare repository `sourceDir`
 * with their history. HEAD is the branch downloaded (the default branch for
 * HEAD), or the commit itself for a tag or commit id, so `git status` is clean.
 * The `.git` is made from nothing (no template): no hooks, no remote, no
 * credential, no reflog, only core settings in its config.
 */
export async function buildWorkingCopy({ sourceDir, dir, revision }: { sourceDir: string; dir: string; revision: Revision }): Promise<void> {
  await runGit({ args: ["init", "--quiet", "--template=", dir] });
  const git = (args: string[]) => runGit({ args: [...QUIET, ...args], cwd: dir });
  // A path, not a remote's name: nothing of where it came from is written into .git/config.
  await git(["fetch", "--quiet", "--no-write-fetch-head", "--update-head-ok", "--no-tags", sourceDir, "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"]);
  if (revision.kind === "branch") await git(["symbolic-ref", "HEAD", `refs/heads/${revision.name}`]);
  else await git(["update-ref", "--no-deref", "HEAD", revision.commit]);
  await git(["reset", "--quiet", "--hard", revision.commit]);
  for (const leftover of ["logs", "ORIG_HEAD", "FETCH_HEAD"]) await fs.rm(path.join(dir, ".git", leftover), { recursive: true, force: true });
}
