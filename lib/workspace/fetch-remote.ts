import git from "isomorphic-git";
import type { ProgressCallback } from "./api";
import { toWorkspaceError } from "./classify-error";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { getState } from "./get-state";
import { fetchBranch } from "./remote-branch";
import type { WorkspaceState } from "./types";

/**
 * Fetches the current branch from the remote and updates `origin/<branch>`.
 * Changes nothing else: the branch, the overlay and a merge in progress stay
 * as they are. In the answer, `behind` says whether the remote has commits this
 * copy does not contain (pull to bring them in). A branch the remote does not
 * have yet is not an error: there is simply nothing to fetch.
 */
export async function fetchRemote({ ctx, onProgress }: { ctx: WorkspaceContext; onProgress?: ProgressCallback }): Promise<WorkspaceState> {
  try {
    const branch = await git.currentBranch({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, fullname: false });
    if (!branch) throw new WorkspaceError("invalid", "This copy is not on a branch. Switch to a branch, then fetch.");
    await fetchBranch({ ctx, branch, onProgress });
  } catch (error) {
    throw toWorkspaceError(error, { action: "fetch changes from the server", proxied: Boolean(ctx.corsProxy) });
  }
  return getState({ ctx });
}
