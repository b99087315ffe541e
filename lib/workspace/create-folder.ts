import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { guard } from "./local-errors";
import { checkPath, joinPath } from "./paths";
import { checkNewPath } from "./path-rules";
import { assertFoldersFree, openWorkingTree, saveFile, statPath } from "./working-tree";

/** The file that keeps a new folder alive: git stores files, not folders. */
export const FOLDER_KEEPER = ".gitkeep";

/**
 * Creates an empty folder. Git has no empty folders, so this saves an empty
 * `path/.gitkeep`; the folder is committed with it. Refuses with `exists` when
 * something is already at `path`, `invalid_path` for a name git could not check out.
 */
export async function createFolder({ ctx, path }: { ctx: WorkspaceContext; path: string }): Promise<void> {
  checkPath(checkNewPath(path));
  await guard("create the folder", async () => {
    const tree = await openWorkingTree(ctx);
    const existing = await statPath(tree, path);
    if (existing) {
      throw new WorkspaceError("exists", `There is already a ${existing === "dir" ? "folder" : "file"} "${path}". Choose another name.`, { paths: [path] });
    }
    await assertFoldersFree(tree, path);
    await saveFile(tree, { path: joinPath(path, FOLDER_KEEPER), content: new Uint8Array(0), mode: "100644" });
  });
}
