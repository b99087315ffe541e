import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../errors";
import { createBareRepository, GitCommandError, runGit } from "../../git-server";

const refuse = (message: string) => new AppError("invalid_input", message, { fields: { file: message } });

// What of an uploaded .git folder could make git run a program, read outside the archive or
// rewrite history: its hooks and configuration, alternates (object folders elsewhere on the
// server), grafts, and the links of worktrees. Removed before git touches the folder.
const UNTRUSTED = ["hooks", "config", "objects/info/alternates", "objects/info/http-alternates", "info/grafts", "commondir", "gitdir", "worktrees"];
// Repository extensions that change nothing about reading its objects and refs.
const HARMLESS_EXTENSIONS = new Set(["noop", "preciousobjects", "worktreeconfig"]);

const exists = (at: string) => fs.lstat(at).then(() => true, () => false);

/** The extensions the archive's config declares, read as text (includes not followed) before it is removed. */
async function declaredExtensions(gitDir: string): Promise<Map<string, string>> {
  const config = path.join(gitDir, "config");
  if (!(await exists(config))) return new Map();
  const out = await runGit({ args: ["config", "--no-includes", "--file", config, "--get-regexp", "^extensions\\."] }).catch(() => Buffer.from(""));
  const extensions = new Map<string, string>();
  for (const line of out.toString("utf8").split("\n").filter(Boolean)) {
    const [key = "", value = ""] = line.split(" ", 2);
    extensions.set(key.slice("extensions.".length).toLowerCase(), value.toLowerCase());
  }
  return extensions;
}

async function refuseUnsupported(gitDir: string): Promise<void> {
  if (!(await exists(path.join(gitDir, "HEAD")))) throw refuse("The archive's .git folder is not a git repository (it has no HEAD). Make the archive again from the repository's folder, or leave the .git folder out.");
  if (await exists(path.join(gitDir, "shallow"))) {
    throw refuse("The archive's repository is shallow (cloned with --depth), so part of its history is missing. Run \"git fetch --unshallow\" in it and make the archive again.");
  }
  for (const [name, value] of await declaredExtensions(gitDir)) {
    if (name === "objectformat" && value !== "sha1") throw refuse(`The archive's repository uses ${value} object names, which Benchtop's git server does not serve yet. Upload it without its .git folder.`);
    if (name === "objectformat" || HARMLESS_EXTENSIONS.has(name)) continue;
    throw refuse(`The archive's repository uses a git feature Benchtop cannot take over (extensions.${name}, as a partial clone or another ref storage has). Make the archive from a full, ordinary clone.`);
  }
}

/** Which branch the project starts on: the archive's HEAD when it names one of its branches, else main, master or the first. */
async function defaultBranchOf(gitDir: string): Promise<string> {
  const branches = (await runGit({ args: ["--git-dir", gitDir, "for-each-ref", "--format=%(refname:strip=2)", "refs/heads/"] })).toString("utf8").split("\n").filter(Boolean);
  if (branches.length === 0) throw refuse("The archive's repository has no branches (no commits yet). Commit your work first, or upload the files without the .git folder.");
  const head = (await runGit({ args: ["--git-dir", gitDir, "symbolic-ref", "-q", "--short", "HEAD"] }).catch(() => Buffer.from(""))).toString("utf8").trim();
  return [head, "main", "master"].find((name) => branches.includes(name)) ?? branches.sort()[0]!;
}

/**
 * Makes the .git folder of an extracted archive safe to read and checks it:
 * its hooks, configuration and links elsewhere are removed first (a minimal
 * configuration replaces them), so no git run on it can run a program of the
 * archive's or read outside it (git runs with no system or user configuration:
 * runGit); then `git fsck --full` checks every object. Answers the branch the
 * project starts on.
 */
export async function inspectHistory({ gitDir }: { gitDir: string }): Promise<{ defaultBranch: string }> {
  await refuseUnsupported(gitDir);
  for (const name of UNTRUSTED) await fs.rm(path.join(gitDir, name), { recursive: true, force: true });
  await fs.writeFile(path.join(gitDir, "config"), "[core]\n\trepositoryformatversion = 0\n\tbare = true\n");
  try {
    await runGit({ args: ["--git-dir", gitDir, "fsck", "--full", "--no-dangling", "--no-progress"] });
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    // git's first complaint, with the server's folder names taken out.
    const first = (error.stderr.split("\n").find((line) => line.trim()) ?? "").replaceAll(gitDir, ".git").slice(0, 200);
    throw refuse(`The git repository in the archive is damaged: git fsck found problems${first ? ` ("${first}")` : ""}. Repair it (git fsck) and make the archive again, or upload the files without the .git folder.`);
  }
  return { defaultBranch: await defaultBranchOf(gitDir) };
}

/** Copies every branch and tag of the checked .git folder into the new bare repository in `dir`, HEAD on `defaultBranch`. */
export async function copyHistory({ gitDir, dir, defaultBranch }: { gitDir: string; dir: string; defaultBranch: string }): Promise<void> {
  await createBareRepository({ dir, branch: defaultBranch });
  // unpackLimit=1 keeps what arrives as a pack, as pushes are kept.
  await runGit({
    args: ["-c", "fetch.unpackLimit=1", "fetch", "--quiet", "--no-tags", "--no-write-fetch-head", gitDir, "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"],
    cwd: dir,
  });
}
