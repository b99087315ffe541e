import type { ProgressCallback } from "./api";
import type { WorkspaceContext } from "./context";
import { fetchLfsObject, lfsObjectIn } from "./lfs/lfs-files";
import { guard } from "./local-errors";
import { checkPath } from "./paths";
import { openWorkingTree, readWorkingBytes, requireFile } from "./working-tree";

/**
 * A file's content as a Blob, for a download or a preview: a Git LFS file's
 * real content (fetched with progress when this browser has no copy, and
 * never read into memory), else its bytes. Throws `not_found` when there is no such file.
 */
export async function readFileBlob({ ctx, path, onProgress }: { ctx: WorkspaceContext; path: string; onProgress?: ProgressCallback }): Promise<Blob> {
  checkPath(path);
  return guard("read the file", async () => {
    const tree = await openWorkingTree(ctx);
    const bytes = await readWorkingBytes(tree, await requireFile(tree, path));
    const lfs = await lfsObjectIn(tree, path, bytes);
    return lfs ? fetchLfsObject({ ctx, object: lfs, path, onProgress }) : new Blob([bytes as Uint8Array<ArrayBuffer>]);
  });
}
