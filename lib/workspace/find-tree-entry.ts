import git, { type TreeEntry } from "isomorphic-git";
import type { WorkspaceContext } from "./context";

/** What a tree holds at a path: an entry, nothing, or a file where a folder of the path should be. */
export type PathEntry = TreeEntry | { type: "blocked"; oid: string; mode: string; path: string } | null;

/**
 * Looks up `path` in the tree `tree` (or in nothing when null), reading one
 * tree per folder of the path through the shared cache.
 */
export async function findTreeEntry({ ctx, tree, path }: { ctx: WorkspaceContext; tree: string | null; path: string }): Promise<PathEntry> {
  if (!tree) return null;
  const names = path.split("/");
  let oid = tree;
  for (const [index, name] of names.entries()) {
    const { tree: entries } = await git.readTree({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, oid, cache: ctx.cache });
    const entry = entries.find((candidate) => candidate.path === name);
    if (!entry) return null;
    if (index === names.length - 1) return entry;
    if (entry.type !== "tree") return { type: "blocked", oid: entry.oid, mode: entry.mode, path: entry.path };
    oid = entry.oid;
  }
  return null;
}

/** A comparable key for a PathEntry: equal keys mean the same content and mode. */
export function entryKey(entry: PathEntry): string {
  return entry ? `${entry.type}:${entry.mode}:${entry.oid}` : "none";
}

/** The tree of a commit, or null for no commit. */
export async function treeOf({ ctx, commit }: { ctx: WorkspaceContext; commit: string | null }): Promise<string | null> {
  if (!commit) return null;
  const { commit: object } = await git.readCommit({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, oid: commit, cache: ctx.cache });
  return object.tree;
}
