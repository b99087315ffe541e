import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { entryKey, findTreeEntry } from "./find-tree-entry";

/**
 * Refuses (`dirty`) when uncommitted changes sit on paths that bringing in
 * `theirs` would change: the overlay is laid on the committed tree, so those
 * edits would silently hide (or be hidden by) the incoming version. A path
 * counts when the incoming tree differs from HEAD's there and the difference
 * is theirs, not a commit of ours (base and theirs differ too).
 */
export async function assertNoIncomingChanges({
  ctx,
  head,
  base,
  theirs,
}: {
  ctx: WorkspaceContext;
  /** Trees of HEAD, of the merge base, of the incoming commit (null: empty). */
  head: string | null;
  base: string | null;
  theirs: string;
}): Promise<void> {
  const blocked: string[] = [];
  for (const { path } of await ctx.overlay.list()) {
    const incoming = entryKey(await findTreeEntry({ ctx, tree: theirs, path }));
    if (entryKey(await findTreeEntry({ ctx, tree: head, path })) === incoming) continue;
    if (base !== head && entryKey(await findTreeEntry({ ctx, tree: base, path })) === incoming) continue;
    blocked.push(path);
  }
  if (blocked.length === 0) return;
  const shown = blocked.slice(0, 5).join(", ") + (blocked.length > 5 ? ` and ${blocked.length - 5} more` : "");
  throw new WorkspaceError("dirty", `The incoming changes touch files you changed and have not committed (${shown}). Commit or discard your changes to these files first, then pull again.`, {
    paths: blocked,
  });
}
