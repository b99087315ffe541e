import type { ProgressCallback } from "./api";
import type { WorkspaceContext } from "./context";
import { fetchLfsObject, lfsObjectIn } from "./lfs/lfs-files";
import { guard } from "./local-errors";
import { checkPath } from "./paths";
import { decodeText, isBinary } from "./text";
import { editorLimitFor, type FileContent } from "./types";
import { openWorkingTree, readWorkingBytes, requireFile } from "./working-tree";

/**
 * Opens a file of the working tree: its saved edit when there is one, else the
 * file as committed. `text` is set only for UTF-8 text up to editorLimitFor(path)
 * (MAX_EDITOR_BYTES, or MAX_NOTEBOOK_BYTES for notebooks);
 * `version` (0 for an unchanged file) goes back to writeFile as `expectedVersion`.
 * A file Git LFS keeps (a pointer at a `filter=lfs` path) opens as its real
 * content, downloaded with progress the first time (`lfs` names the object).
 *
 * Throws `not_found` when there is no such file (or it was deleted).
 */
export async function readFile({ ctx, path, onProgress }: { ctx: WorkspaceContext; path: string; onProgress?: ProgressCallback }): Promise<FileContent> {
  checkPath(path);
  return guard("open the file", async () => {
    const tree = await openWorkingTree(ctx);
    const file = await requireFile(tree, path);
    let bytes = await readWorkingBytes(tree, file);
    const limit = editorLimitFor(path);
    const lfs = await lfsObjectIn(tree, path, bytes);
    if (lfs) {
      const blob = await fetchLfsObject({ ctx, object: lfs, path, onProgress });
      // Past the limit only the start is needed, to tell text from binary.
      bytes = new Uint8Array(await blob.slice(0, lfs.size <= limit ? lfs.size : limit + 1).arrayBuffer());
    }
    const size = lfs ? lfs.size : bytes.length;
    const tooLarge = size > limit;
    const binary = isBinary(bytes, limit);
    return {
      path,
      size,
      binary,
      tooLarge,
      ...(binary || tooLarge ? {} : { text: decodeText(bytes) }),
      version: file.entry?.version ?? 0,
      ...(lfs ? { lfs } : {}),
    };
  });
}
