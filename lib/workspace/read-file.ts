import type { WorkspaceContext } from "./context";
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
 *
 * Throws `not_found` when there is no such file (or it was deleted).
 */
export async function readFile({ ctx, path }: { ctx: WorkspaceContext; path: string }): Promise<FileContent> {
  checkPath(path);
  return guard("open the file", async () => {
    const tree = await openWorkingTree(ctx);
    const file = await requireFile(tree, path);
    const bytes = await readWorkingBytes(tree, file);
    const limit = editorLimitFor(path);
    const tooLarge = bytes.length > limit;
    const binary = isBinary(bytes, limit);
    return {
      path,
      size: bytes.length,
      binary,
      tooLarge,
      ...(binary || tooLarge ? {} : { text: decodeText(bytes) }),
      version: file.entry?.version ?? 0,
    };
  });
}
