import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { guard } from "./local-errors";
import { checkPath } from "./paths";
import { findFile, listFilesInside, openWorkingTree, removeFile } from "./working-tree";

/**
 * Deletes a file, or a folder with everything in it. Committed files become
 * deletions in the overlay; files that were never committed are simply
 * dropped. Throws `not_found` when nothing is at `path`.
 */
export async function deletePath({ ctx, path }: { ctx: WorkspaceContext; path: string }): Promise<void> {
  checkPath(path);
  await guard("delete", async () => {
    const tree = await openWorkingTree(ctx);
    if (await findFile(tree, path)) {
      await removeFile(tree, path);
      return;
    }
    const files = await listFilesInside(tree, path);
    if (files.length === 0) throw new WorkspaceError("not_found", `There is no file or folder "${path}". Reload the file list.`);
    for (const file of files) await removeFile(tree, file.path);
  });
}
