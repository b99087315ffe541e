// What the GitLab emulator reads from its bare repositories, with the real git binary.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { listTree, readBlob } from "../shared/seed-repo";

const env = { PATH: process.env.PATH, HOME: os.tmpdir(), GIT_CONFIG_NOSYSTEM: "1" } as unknown as NodeJS.ProcessEnv;
const git = (bare: string, args: string[]) => execFileSync("git", ["--git-dir", bare, ...args], { env, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();

export type CommitInfo = {
  id: string;
  parentIds: string[];
  title: string;
  message: string;
  authorName: string;
  authorEmail: string;
  authoredDate: string;
  committerName: string;
  committerEmail: string;
  committedDate: string;
};

/** The commit a ref (branch, tag, sha, HEAD) names, or null when it names none. */
export function resolveCommit(bare: string, ref: string): string | null {
  if (ref.startsWith("-")) return null;
  try {
    return git(bare, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]) || null;
  } catch {
    return null;
  }
}

export function readCommit(bare: string, commit: string): CommitInfo {
  const fields = git(bare, ["show", "-s", "--format=%H%x00%P%x00%s%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B", commit]).split("\0");
  const [id, parents, title, authorName, authorEmail, authoredDate, committerName, committerEmail, committedDate, message] = fields as [string, string, string, string, string, string, string, string, string, string];
  return { id, parentIds: parents ? parents.split(" ") : [], title, message: `${message}\n`, authorName, authorEmail, authoredDate, committerName, committerEmail, committedDate };
}

export type TreeEntry = { id: string; name: string; type: "tree" | "blob" | "commit"; path: string; mode: string };

/** Entries of one folder at a commit (all below it when `recursive`), folders first as GitLab lists them; null when the folder does not exist. */
export function readTree(bare: string, commit: string, folder: string, recursive: boolean): TreeEntry[] | null {
  // Asked first with stderr silenced, so that a missing folder does not print git's complaint.
  try {
    if (git(bare, ["cat-file", "-t", `${commit}:${folder}`]) !== "tree") return null;
  } catch {
    return null;
  }
  const entries = listTree({ bare, ref: commit, folder });
  const own = entries.map((e) => ({ id: e.oid, name: e.name, type: (e.mode === "160000" ? "commit" : e.type) as TreeEntry["type"], path: e.path, mode: e.mode }));
  const sorted = [...own.filter((e) => e.type === "tree"), ...own.filter((e) => e.type !== "tree")];
  if (!recursive) return sorted;
  return sorted.flatMap((e) => (e.type === "tree" ? [e, ...(readTree(bare, commit, e.path, true) ?? [])] : [e]));
}

export type FileInfo = { name: string; path: string; content: Buffer; blobId: string; commitId: string; lastCommitId: string };

/** A file at a commit, or null when there is no such file. */
export function readFile(bare: string, commit: string, file: string): FileInfo | null {
  try {
    const blobId = git(bare, ["rev-parse", "--verify", "--quiet", `${commit}:${file}`]);
    if (git(bare, ["cat-file", "-t", blobId]) !== "blob") return null;
    const content = readBlob({ bare, ref: commit, file });
    const lastCommitId = git(bare, ["log", "-1", "--format=%H", commit, "--", file]);
    return { name: path.posix.basename(file), path: file, content, blobId, commitId: commit, lastCommitId };
  } catch {
    return null;
  }
}

export const sha256 = (content: Buffer) => crypto.createHash("sha256").update(content).digest("hex");

/** The branch HEAD points at: the project's default branch. */
export function readDefaultBranch(bare: string): string {
  return git(bare, ["symbolic-ref", "--short", "HEAD"]);
}

/** Whether `commit` is already contained in `target` (GitLab's `merged` flag of a branch). */
export function isMergedInto(bare: string, commit: string, target: string): boolean {
  try {
    execFileSync("git", ["--git-dir", bare, "merge-base", "--is-ancestor", commit, target], { env, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
