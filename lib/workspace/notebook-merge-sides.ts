import git from "isomorphic-git";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { findTreeEntry, treeOf } from "./find-tree-entry";
import { type NotebookFileMerge, mergeNotebookFiles } from "./merge-notebook-files";
import { readMerge, type StoredMerge } from "./merge-state";
import { decodeText } from "./merge-text";

/**
 * The cell-by-cell merge of a notebook the merge in progress left in conflict,
 * computed again from the three commits the merge stored (base, ours, theirs):
 * the same merge pullBranch made, so conflicts keep their order and a choice
 * given for each applies to the right one.
 *
 * Throws `invalid` without a merge or for a path that is not one of its
 * notebook conflicts.
 */
export async function loadNotebookMerge({ ctx, path }: { ctx: WorkspaceContext; path: string }): Promise<{ stored: StoredMerge; files: NotebookFileMerge }> {
  const stored = await readMerge(ctx.overlay);
  if (!stored) throw new WorkspaceError("invalid", "There is no merge in progress, so there is no conflict to resolve.");
  if (!stored.base || !stored.notebooks?.includes(path)) {
    throw new WorkspaceError("invalid", `"${path}" has no cell-by-cell conflict in this merge. Resolve it with Take ours, Take theirs, or Mark resolved.`, { paths: [path] });
  }
  const [base, ours, theirs] = await Promise.all([readText(ctx, stored.base, path), readText(ctx, stored.ours, path), readText(ctx, stored.theirs, path)]);
  const files = base !== null && ours !== null && theirs !== null ? mergeNotebookFiles({ base, ours, theirs }) : null;
  if (!files) {
    throw new WorkspaceError("conflict", `"${path}" can no longer be merged cell by cell (a version of it is missing or unreadable). Take ours or take theirs instead.`, { paths: [path] });
  }
  return { stored, files };
}

async function readText(ctx: WorkspaceContext, commit: string, path: string): Promise<string | null> {
  const entry = await findTreeEntry({ ctx, tree: await treeOf({ ctx, commit }), path });
  if (entry?.type !== "blob") return null;
  const { blob } = await git.readBlob({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, oid: entry.oid, cache: ctx.cache });
  return decodeText(blob);
}
