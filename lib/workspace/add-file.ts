import type { ProgressCallback } from "./api";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { keepLfsContent } from "./lfs/keep-lfs-content";
import { isLfsTracked } from "./lfs/lfs-files";
import { guard } from "./local-errors";
import { checkPath } from "./paths";
import { checkNewPath } from "./path-rules";
import { assertFoldersFree, findBaseFile, folderExists, openWorkingTree, saveFile } from "./working-tree";

/** The largest file a session takes into plain git: git builds a blob in memory, so past this only Git LFS can take it. */
export const MAX_PLAIN_UPLOAD_BYTES = 512 * 1024 * 1024;

/**
 * Adds a file from the person's computer (a File from a file input or a drop)
 * at `path`, replacing what is there. At a path .gitattributes gives to Git
 * LFS the file is read a piece at a time, hashed and kept as an LFS object (the
 * browser copies it to disk, never whole in memory) and its pointer is saved;
 * otherwise its bytes are saved like an edit. Refuses (`invalid`) a file over
 * MAX_PLAIN_UPLOAD_BYTES that LFS does not track, saying to track it.
 */
export async function addFile({ ctx, path, file, onProgress }: { ctx: WorkspaceContext; path: string; file: Blob; onProgress?: ProgressCallback }): Promise<{ version: number; lfs: boolean }> {
  checkPath(path);
  return guard("add the file", async () => {
    const tree = await openWorkingTree(ctx);
    if (await folderExists(tree, path)) throw new WorkspaceError("exists", `"${path}" is a folder. Choose another name for the file.`, { paths: [path] });
    await assertFoldersFree(tree, path);
    const existing = await ctx.overlay.get(path);
    const baseMode = existing ? undefined : (await findBaseFile(tree, path))?.mode;
    if (!existing && !baseMode) checkNewPath(path);
    const mode = existing?.mode ?? baseMode ?? "100644";
    const lfs = await isLfsTracked(tree, path);
    if (!lfs && file.size > MAX_PLAIN_UPLOAD_BYTES) {
      throw new WorkspaceError("invalid", `"${path}" is too large for plain git in a browser session. Track it with Git LFS (Track with LFS), then add it again.`, { paths: [path] });
    }
    const content = lfs ? await keepLfsContent({ ctx, blob: file, onProgress }) : new Uint8Array(await file.arrayBuffer());
    return { version: await saveFile(tree, { path, content, mode }), lfs };
  });
}
