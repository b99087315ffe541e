import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { keepLfsContent } from "./lfs/keep-lfs-content";
import { isLfsTracked } from "./lfs/lfs-files";
import { guard } from "./local-errors";
import { checkPath } from "./paths";
import { checkNewPath } from "./path-rules";
import { assertFoldersFree, findBaseFile, folderExists, openWorkingTree, saveFile } from "./working-tree";

/**
 * Saves a file into the overlay (nothing is committed). A changed file keeps its
 * mode (e.g. executable); a new one is a plain file. Saving the committed bytes
 * back removes the change (version 0).
 *
 * With `expectedVersion` (the version readFile gave), refuses with `conflict`
 * when the file was saved since, e.g. from another tab. Refuses with `exists`
 * when a folder is at `path` or a file is where one of its folders would be, and
 * `invalid_path` when a new file has a name git could not check out (an existing
 * one may still be saved). At a path .gitattributes gives to Git LFS, the
 * content is kept as an LFS object here and its pointer is saved (and later
 * committed) in its place.
 */
export async function writeFile({
  ctx,
  path,
  content,
  expectedVersion,
}: {
  ctx: WorkspaceContext;
  path: string;
  content: Uint8Array;
  expectedVersion?: number;
}): Promise<{ version: number }> {
  checkPath(path);
  if (!(content instanceof Uint8Array)) throw new WorkspaceError("invalid", "The content to save must be bytes (a Uint8Array).");
  return guard("save the file", async () => {
    const tree = await openWorkingTree(ctx);
    const existing = await ctx.overlay.get(path);
    if (expectedVersion !== undefined && expectedVersion !== (existing?.version ?? 0)) {
      throw new WorkspaceError("conflict", `"${path}" was saved elsewhere (another tab?) since you opened it. Copy your edits, reopen the file and apply them again.`, {
        paths: [path],
      });
    }
    if (await folderExists(tree, path)) throw new WorkspaceError("exists", `"${path}" is a folder. Choose another name for the file.`, { paths: [path] });
    await assertFoldersFree(tree, path);
    const baseMode = existing ? undefined : (await findBaseFile(tree, path))?.mode;
    if (!existing && !baseMode) checkNewPath(path);
    const mode = existing?.mode ?? baseMode ?? "100644";
    const saved = (await isLfsTracked(tree, path)) ? await keepLfsContent({ ctx, blob: new Blob([content as Uint8Array<ArrayBuffer>]) }) : content;
    return { version: await saveFile(tree, { path, content: saved, mode }) };
  });
}
