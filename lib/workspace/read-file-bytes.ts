import type { WorkspaceContext } from "./context";
import { guard } from "./local-errors";
import { checkPath } from "./paths";
import { openWorkingTree, readWorkingBytes, requireFile } from "./working-tree";

/**
 * The bytes of a file as it is in the working tree (saved edit, else as
 * committed), e.g. for a download. Throws `not_found` when there is no such file.
 */
export async function readFileBytes({ ctx, path }: { ctx: WorkspaceContext; path: string }): Promise<Uint8Array> {
  checkPath(path);
  return guard("read the file", async () => {
    const tree = await openWorkingTree(ctx);
    return readWorkingBytes(tree, await requireFile(tree, path));
  });
}
