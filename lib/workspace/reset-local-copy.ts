import { toWorkspaceError } from "./classify-error";
import type { WorkspaceContext } from "./context";
import { countUnpushed } from "./count-unpushed";
import { WorkspaceError } from "./errors";
import { isCloned } from "./is-cloned";
import { readMerge } from "./merge-state";
import { removeDirectory } from "./remove-directory";

/**
 * Deletes this browser's copy of the project: the git folder, the working
 * folder and every uncommitted change. Refuses (`unpushed`) while commits are
 * not on the server and (`dirty`) while there are uncommitted changes or a
 * merge in progress, unless `force`. The next open clones afresh. Large
 * files (Git LFS) made here and not pushed go with the work they belonged to;
 * copies of the server's stay, for offline use.
 */
export async function resetLocalCopy({ ctx, force = false }: { ctx: WorkspaceContext; force?: boolean }): Promise<void> {
  try {
    if (!force) await assertNothingToLose({ ctx });
    await removeDirectory({ fs: ctx.fs, path: ctx.gitdir });
    await removeDirectory({ fs: ctx.fs, path: ctx.dir });
    await ctx.overlay.clear();
    for (const object of (await ctx.lfs?.list()) ?? []) if (object.pinned) await ctx.lfs?.delete(object.oid);
    // The cache holds the removed packs' indexes; a new clone must not find them.
    const cache = ctx.cache as Record<string | symbol, unknown>;
    for (const key of Reflect.ownKeys(cache)) delete cache[key];
  } catch (error) {
    throw toWorkspaceError(error, { action: "reset the local copy" });
  }
}

async function assertNothingToLose({ ctx }: { ctx: WorkspaceContext }): Promise<void> {
  const unpushed = (await isCloned({ ctx })) ? await countUnpushed({ ctx }) : 0;
  const changes = (await ctx.overlay.list()).length;
  const merging = Boolean(await readMerge(ctx.overlay));
  if (unpushed > 0) {
    const also = changes > 0 ? ` and ${changes} uncommitted change${changes === 1 ? "" : "s"}` : "";
    throw new WorkspaceError(
      "unpushed",
      `${unpushed} commit${unpushed === 1 ? " is" : "s are"} not on the server yet${also}. Push first, or confirm to delete ${unpushed === 1 ? "it" : "them"} with the local copy.`,
    );
  }
  if (changes > 0 || merging) {
    throw new WorkspaceError("dirty", `You have ${changes} uncommitted change${changes === 1 ? "" : "s"}${merging ? " and a merge in progress" : ""}. Commit and push first, or confirm to discard them with the local copy.`);
  }
}
