import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { guard } from "./local-errors";
import { checkPath } from "./paths";
import type { FileDiff } from "./types";
import { diffContents } from "./unified-diff";
import { changeKindOf, findBaseFile, openWorkingTree } from "./working-tree";

/**
 * How a file in the working tree differs from the last commit: unified hunks
 * with 3 lines of context (none for an unchanged file), or `binary: true`.
 * Throws `not_found` when the path is neither in the commit nor in the changes.
 */
export async function diffFile({ ctx, path }: { ctx: WorkspaceContext; path: string }): Promise<FileDiff> {
  checkPath(path);
  return guard("compare the file", async () => {
    const tree = await openWorkingTree(ctx);
    const entry = await ctx.overlay.get(path);
    const baseEntry = await findBaseFile(tree, path);
    if (!entry && !baseEntry) throw new WorkspaceError("not_found", `There is no file "${path}" to compare. Reload the list of changes.`);
    const before = baseEntry ? await tree.reader.readBlob(baseEntry.oid) : null;
    const after = entry ? entry.content : before;
    return diffContents({ path, kind: entry ? changeKindOf(entry) : "modified", before, after });
  });
}
