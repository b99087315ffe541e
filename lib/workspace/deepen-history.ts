import git from "isomorphic-git";
import type { ProgressCallback } from "./api";
import { toWorkspaceError } from "./classify-error";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { getState } from "./get-state";
import { FULL_DEPTH, REMOTE, fetchBranch } from "./remote-branch";
import type { WorkspaceState } from "./types";

/**
 * Fetches the full history of the current branch into a shallow copy, so the
 * whole log, blame and merges with old forks work. Afterwards `shallow` is
 * false. Costs one download of every past version; nothing local changes.
 */
export async function deepenHistory({ ctx, onProgress }: { ctx: WorkspaceContext; onProgress?: ProgressCallback }): Promise<WorkspaceState> {
  try {
    const branch = await git.currentBranch({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, fullname: false });
    if (!branch) throw new WorkspaceError("invalid", "This copy is not on a branch. Switch to a branch, then fetch its history.");
    const fetched = await fetchBranch({ ctx, branch, depth: FULL_DEPTH, onProgress });
    // A branch never pushed grew from one the remote has: deepen that one instead.
    const base = fetched === null ? await remoteDefaultBranch({ ctx }) : null;
    if (base) await fetchBranch({ ctx, branch: base, depth: FULL_DEPTH, onProgress });
  } catch (error) {
    throw toWorkspaceError(error, { action: "fetch the full history", proxied: Boolean(ctx.corsProxy) });
  }
  return getState({ ctx });
}

async function remoteDefaultBranch({ ctx }: { ctx: WorkspaceContext }): Promise<string | null> {
  try {
    const ref = await git.resolveRef({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, ref: `refs/remotes/${REMOTE}/HEAD`, depth: 2 });
    return ref.startsWith(`refs/remotes/${REMOTE}/`) ? ref.slice(`refs/remotes/${REMOTE}/`.length) : null;
  } catch {
    return null;
  }
}
