import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { guard } from "./local-errors";
import { checkPath, isUnder } from "./paths";
import { checkNewPath } from "./path-rules";
import { assertFoldersFree, findFile, listFilesInside, openWorkingTree, readWorkingBytes, removeFile, saveFile, statPath, type WorkingFile } from "./working-tree";

/**
 * Moves (renames) a file or a folder with everything in it, keeping each file's
 * mode. Recorded as new content at the target and deletions at the source, as
 * git sees a rename. Refuses with `exists` when something is at `to`,
 * `not_found` when nothing is at `from`, `invalid` for a folder into itself,
 * `invalid_path` for a target name git could not check out.
 */
export async function movePath({ ctx, from, to }: { ctx: WorkspaceContext; from: string; to: string }): Promise<void> {
  checkPath(from);
  checkPath(checkNewPath(to));
  if (isUnder(to, from)) throw new WorkspaceError("invalid", `"${from}" cannot be moved into itself. Choose a target outside it.`);
  await guard("move", async () => {
    const tree = await openWorkingTree(ctx);
    const taken = await statPath(tree, to);
    if (taken) throw new WorkspaceError("exists", `There is already a ${taken === "dir" ? "folder" : "file"} "${to}". Choose another name.`, { paths: [to] });
    await assertFoldersFree(tree, to);

    const file = await findFile(tree, from);
    const files: WorkingFile[] = file ? [file] : await listFilesInside(tree, from);
    if (files.length === 0) throw new WorkspaceError("not_found", `There is no file or folder "${from}". Reload the file list.`);
    // Every copy is written before any source goes, so an interruption leaves a duplicate, never a loss.
    for (const source of files) {
      const content = await readWorkingBytes(tree, source);
      await saveFile(tree, { path: to + source.path.slice(from.length), content, mode: source.mode, conflict: source.entry?.conflict });
    }
    for (const source of files) await removeFile(tree, source.path);
  });
}
