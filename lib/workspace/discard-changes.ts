import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { guard } from "./local-errors";
import { checkPath } from "./paths";

/**
 * Throws away uncommitted changes: for each path, the change to that file, or
 * every change inside it when it is a folder. Paths without changes are
 * ignored. The files return to their last committed state.
 */
export async function discardChanges({ ctx, paths }: { ctx: WorkspaceContext; paths: string[] }): Promise<void> {
  if (!Array.isArray(paths)) throw new WorkspaceError("invalid", "Say which paths to discard (a list of paths).");
  paths.forEach(checkPath);
  await guard("discard changes", async () => {
    for (const path of paths) {
      for (const entry of await ctx.overlay.listUnder(path)) await ctx.overlay.delete(entry.path);
    }
  });
}
