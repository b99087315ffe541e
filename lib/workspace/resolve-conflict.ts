import { parseNotebook } from "@/lib/notebooks";
import { toWorkspaceError } from "./classify-error";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { findTreeEntry, treeOf } from "./find-tree-entry";
import { readMerge } from "./merge-state";
import { decodeText, hasConflictMarkers } from "./merge-text";
import { findBaseFile, openWorkingTree, removeFile, saveFile } from "./working-tree";

/**
 * Settles one conflicting file of the merge in progress:
 * - `ours`: the version of this copy's last commit (a deletion if it had none),
 * - `theirs`: the version from the server (a deletion if they deleted it),
 * - `edited`: the file as it is now; refused (`conflict`) while it still holds
 *   the merge's conflict markers, or, for a notebook merged cell by cell
 *   (which holds no markers), when it is not a valid notebook.
 *
 * The chosen version is saved like any edit on top of the merged tree, without
 * the conflict flag. When it equals the merged tree's version (a binary file
 * where ours was kept, say) no entry remains: the merge commit is the merged
 * tree with the overlay laid on top, so it gets the chosen version either way.
 */
export async function resolveConflict({ ctx, path, take }: { ctx: WorkspaceContext; path: string; take: "ours" | "theirs" | "edited" }): Promise<void> {
  try {
    const merge = await readMerge(ctx.overlay);
    if (!merge) throw new WorkspaceError("invalid", "There is no merge in progress, so there is no conflict to resolve.");
    if (!merge.conflicts.includes(path)) throw new WorkspaceError("invalid", `"${path}" has no conflict in this merge.`, { paths: [path] });
    const tree = await openWorkingTree(ctx);
    const merged = await findBaseFile(tree, path);
    const entry = await ctx.overlay.get(path);

    let content: Uint8Array | null;
    let mode = entry?.mode ?? merged?.mode ?? "100644";
    if (take === "edited") {
      content = entry ? entry.content : merged ? await tree.reader.readBlob(merged.oid) : null;
      if (content) refuseUnsettled(path, content, merge.notebooks?.includes(path) ?? false);
    } else {
      const side = await findTreeEntry({ ctx, tree: await treeOf({ ctx, commit: take === "ours" ? merge.ours : merge.theirs }), path });
      content = side?.type === "blob" ? await tree.reader.readBlob(side.oid) : null;
      if (side?.type === "blob") mode = side.mode;
    }
    if (content) await saveFile(tree, { path, content, mode, conflict: false });
    else await removeFile(tree, path);
  } catch (error) {
    throw toWorkspaceError(error, { action: "resolve the conflict" });
  }
}

/** Refuses (`conflict`) an edited version that is not settled yet: conflict markers left in, or not a notebook any more. */
function refuseUnsettled(path: string, content: Uint8Array, notebook: boolean): void {
  const text = decodeText(content);
  if (notebook) {
    const read = text === null ? { ok: false as const, reason: "it is not text" } : parseNotebook(text);
    if (!read.ok) {
      throw new WorkspaceError("conflict", `"${path}" is not a valid notebook now (${read.reason}). Fix it, resolve it cell by cell, or keep yours or theirs.`, { paths: [path] });
    }
  } else if (text && hasConflictMarkers(text)) {
    throw new WorkspaceError("conflict", `"${path}" still has conflict markers (<<<<<<< and >>>>>>> lines). Edit them out, or keep yours or theirs.`, { paths: [path] });
  }
}
