import { toWorkspaceError } from "./classify-error";
import type { WorkspaceContext } from "./context";
import { findTreeEntry, treeOf } from "./find-tree-entry";
import { getState } from "./get-state";
import { readMerge, writeMerge } from "./merge-state";
import type { WorkspaceState } from "./types";

/**
 * Gives up the merge in progress: the conflicting files' entries (which the
 * merge created, edits to them included) are dropped and the working tree is
 * HEAD's tree plus the user's own changes again. Other uncommitted changes are
 * kept, their base set back to HEAD's version. Without a merge, does nothing.
 */
export async function abortMerge({ ctx }: { ctx: WorkspaceContext }): Promise<WorkspaceState> {
  try {
    const merge = await readMerge(ctx.overlay);
    if (merge) {
      const conflicted = new Set(merge.conflicts);
      const headTree = await treeOf({ ctx, commit: merge.ours });
      for (const entry of await ctx.overlay.list()) {
        if (conflicted.has(entry.path)) {
          await ctx.overlay.delete(entry.path);
          continue;
        }
        // Edits made during the merge were based on the merged tree; lay them on HEAD's again.
        const base = await findTreeEntry({ ctx, tree: headTree, path: entry.path });
        const baseOid = base?.type === "blob" ? base.oid : null;
        if (entry.content === null && baseOid === null) await ctx.overlay.delete(entry.path);
        else if (baseOid !== entry.baseOid) await ctx.overlay.put({ ...entry, baseOid });
      }
      await writeMerge(ctx.overlay, undefined);
    }
  } catch (error) {
    throw toWorkspaceError(error, { action: "abort the merge" });
  }
  return getState({ ctx });
}
