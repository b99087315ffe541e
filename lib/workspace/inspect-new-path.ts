import type { WorkspaceContext } from "./context";
import { isWorkspaceError } from "./errors";
import { listDirectory } from "./list-directory";
import { checkPath, isUnder } from "./paths";
import { checkNewPath, findCaseTwin } from "./path-rules";

/**
 * Looks at a path before a file or folder is created there (or something is
 * renamed to it), for the screen to ask before it acts. Throws `invalid_path`
 * (or `invalid`) for a name git could not check out; answers the existing path
 * it differs from only by case (`caseTwin`), which a macOS or Windows checkout
 * could not hold beside it: a warning, not a refusal. With `movingFrom`, the
 * paths being moved do not count (renaming "readme.md" to "README.md").
 */
export async function inspectNewPath({ ctx, path, movingFrom }: { ctx: WorkspaceContext; path: string; movingFrom?: string }): Promise<{ caseTwin: string | null }> {
  checkPath(checkNewPath(path));
  const caseTwin = await findCaseTwin(path, async (folder) => {
    try {
      const entries = await listDirectory({ ctx, path: folder });
      return entries.filter((entry) => movingFrom === undefined || !isUnder(entry.path, movingFrom)).map((entry) => entry.name);
    } catch (error) {
      if (isWorkspaceError(error) && error.code === "not_found") return null;
      throw error;
    }
  });
  return { caseTwin };
}
