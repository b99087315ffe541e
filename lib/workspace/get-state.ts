import git from "isomorphic-git";
import { toWorkspaceError } from "./classify-error";
import { compareWithRemote, readShallow } from "./compare-commits";
import type { WorkspaceContext } from "./context";
import { isCloned } from "./is-cloned";
import { readMerge } from "./merge-state";
import { resolveOptional } from "./remote-branch";
import type { WorkspaceState } from "./types";

/**
 * Describes the local copy: branch, HEAD, the remote branch as last fetched,
 * unpushed commits, whether the remote is ahead, whether history is shallow,
 * a merge in progress (with the files still in conflict) and the number of
 * uncommitted changes. Reads only local data; fetchRemote() refreshes the
 * remote side.
 */
export async function getState({ ctx }: { ctx: WorkspaceContext }): Promise<WorkspaceState> {
  try {
    const entries = await ctx.overlay.list();
    const changes = entries.length;
    if (!(await isCloned({ ctx }))) {
      return { cloned: false, branch: "", head: null, remoteHead: null, unpushed: 0, behind: false, shallow: false, merging: null, changes };
    }
    const branch = (await git.currentBranch({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, fullname: false })) ?? "";
    const head = await resolveOptional({ ctx, ref: "HEAD" });
    const comparison = branch ? await compareWithRemote({ ctx, branch, head }) : { ahead: 0, behind: 0, remoteHead: null };
    const shallow = (await readShallow({ ctx })).size > 0;
    const merge = await readMerge(ctx.overlay);
    const conflicts = entries.filter((entry) => entry.conflict).map((entry) => entry.path);
    return {
      cloned: true,
      branch,
      head,
      remoteHead: comparison.remoteHead,
      unpushed: comparison.ahead,
      behind: comparison.behind > 0,
      shallow,
      merging: merge ? { theirs: merge.theirs, conflicts, notebooks: conflicts.filter((path) => merge.notebooks?.includes(path)) } : null,
      changes,
    };
  } catch (error) {
    throw toWorkspaceError(error, { action: "read the local copy" });
  }
}
