import type { WorkspaceContext } from "./context";
import { guard } from "./local-errors";
import type { Change } from "./types";
import { changeKindOf } from "./working-tree";

/**
 * The uncommitted changes, sorted by path. Read from the overlay alone, so it
 * costs what changed, not what the repository holds (a saved file equal to
 * its committed version has no entry).
 */
export async function getStatus({ ctx }: { ctx: WorkspaceContext }): Promise<Change[]> {
  return guard("list changes", async () =>
    (await ctx.overlay.list()).map((entry) => ({ path: entry.path, kind: changeKindOf(entry), conflict: entry.conflict ?? false })),
  );
}
