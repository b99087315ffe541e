import type { Readable } from "node:stream";
import { runGit, streamGit } from "@/lib/git-server";

// Everything a deployment serves is read here, from the objects of its commit in
// a bare repository: never a working copy. Paths reach git on standard input
// (`<commit>:<path>`, where a path cannot be read as an option) or after
// `--end-of-options` with literal pathspecs.

/** What `<commit>:<path>` names, symbolic links inside the commit followed by git itself. */
export type LookedUp =
  | FoundBlob
  | FoundTree
  /** Nothing there, a link that leaves the tree, dangling or looping, or a path through a file. */
  | { kind: "missing" };
/** A file; `lfs` when it is a Git LFS pointer whose object the deployment holds (`size` is then the object's). */
export type FoundBlob = { kind: "blob"; id: string; size: number; lfs?: { oid: string; file: string } };
export type FoundTree = { kind: "tree"; id: string; size: number };

const OBJECT_LINE = /^([0-9a-f]{40}|[0-9a-f]{64}) (blob|tree|commit|tag) (\d+)$/;

/**
 * Looks up paths (already checked by request-path.ts; "" is the root) in the
 * commit's tree. `--follow-symlinks` resolves symbolic links only within the
 * commit's tree: a link whose target leaves the tree (`../x`, `/etc/passwd`),
 * dangles or loops answers "missing", as does a submodule (its commit is not in
 * this repository).
 */
export async function lookUpPaths({ dir, commit, paths }: { dir: string; commit: string; paths: string[] }): Promise<LookedUp[]> {
  if (!paths.length) return [];
  const input = paths.map((path) => `${commit}:${path}\n`).join("");
  const out = await runGit({ args: ["cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize)", "--follow-symlinks"], cwd: dir, input });
  const results: LookedUp[] = [];
  let offset = 0;
  while (results.length < paths.length && offset < out.length) {
    const end = out.indexOf(0x0a, offset);
    const line = out.subarray(offset, end < 0 ? out.length : end).toString("utf8");
    offset = end < 0 ? out.length : end + 1;
    const found = OBJECT_LINE.exec(line);
    const kind = found?.[2];
    if (found && (kind === "blob" || kind === "tree")) {
      results.push({ kind, id: found[1]!, size: Number(found[3]) });
      continue;
    }
    // "symlink N", "dangling N", "loop N" and "notdir N" come with N bytes naming the path (a
    // link's target may hold a newline, so they are skipped by count, not by line).
    const named = /^(?:symlink|dangling|loop|notdir) (\d+)$/.exec(line);
    if (named) offset += Number(named[1]) + 1;
    results.push({ kind: "missing" });
  }
  if (results.length !== paths.length) throw new Error(`git cat-file answered ${results.length} of ${paths.length} lookups in ${dir}`);
  return results;
}

/** Whether the commit is in the repository at all (a deployment whose objects are missing is a server fault, not a 404). */
export async function hasCommit({ dir, commit }: { dir: string; commit: string }): Promise<boolean> {
  const out = (await runGit({ args: ["cat-file", "--batch-check=%(objecttype)"], cwd: dir, input: `${commit}\n` })).toString("utf8");
  return out.trim() === "commit";
}

/** Whether `path` is a submodule (a gitlink, mode 160000) in the commit's tree. */
export async function isSubmodule({ dir, commit, path }: { dir: string; commit: string; path: string }): Promise<boolean> {
  if (!path) return false;
  const out = await runGit({ args: ["--literal-pathspecs", "ls-tree", "-z", "--end-of-options", commit, path], cwd: dir });
  return out.toString("utf8").startsWith("160000 commit ");
}

/** One entry of a folder, as `git ls-tree --long` gives it. */
export type TreeEntry = { name: string; mode: string; type: "blob" | "tree" | "commit"; id: string; size: number | null };

/** The entries of a tree object (one folder, not recursive). */
export async function listTree({ dir, tree }: { dir: string; tree: string }): Promise<TreeEntry[]> {
  const out = (await runGit({ args: ["ls-tree", "-z", "--long", "--end-of-options", tree], cwd: dir })).toString("utf8");
  return out
    .split("\0")
    .filter(Boolean)
    .map((record) => {
      const tab = record.indexOf("\t");
      const [mode, type, id, size] = record.slice(0, tab).trim().split(/\s+/);
      return { name: record.slice(tab + 1), mode: mode!, type: type as TreeEntry["type"], id: id!, size: size === "-" || size === undefined ? null : Number(size) };
    });
}

/** A blob's bytes, for files small enough to hold in memory. */
export async function readBlob({ dir, id }: { dir: string; id: string }): Promise<Buffer> {
  return runGit({ args: ["cat-file", "--end-of-options", "blob", id], cwd: dir });
}

/** Several blobs' bytes in one git process, in the order asked (`git cat-file --batch`). */
export async function readBlobs({ dir, ids }: { dir: string; ids: string[] }): Promise<Buffer[]> {
  if (!ids.length) return [];
  const out = await runGit({ args: ["cat-file", "--batch"], cwd: dir, input: ids.map((id) => `${id}\n`).join("") });
  const blobs: Buffer[] = [];
  let offset = 0;
  for (const id of ids) {
    const end = out.indexOf(0x0a, offset);
    const header = OBJECT_LINE.exec(out.subarray(offset, end).toString("utf8"));
    if (!header || header[1] !== id) throw new Error(`git cat-file --batch did not answer for ${id} in ${dir}`);
    const size = Number(header[3]);
    blobs.push(out.subarray(end + 1, end + 1 + size));
    offset = end + 1 + size + 1;
  }
  return blobs;
}

/**
 * A blob as a stream, for files too large to hold: git writes it as the reader
 * reads. A git failure part way destroys the stream with git's words; a reader
 * that stops early closes the pipe, and git ends.
 */
export function streamBlob({ dir, id }: { dir: string; id: string }): Readable {
  const git = streamGit({ args: ["cat-file", "--end-of-options", "blob", id], cwd: dir });
  git.finished().catch((error: unknown) => git.stdout.destroy(error instanceof Error ? error : new Error(String(error))));
  git.stdout.on("close", () => {
    if (!git.stdout.readableEnded) git.kill();
  });
  return git.stdout;
}
