import git from "isomorphic-git";
import { toWorkspaceError } from "./classify-error";
import { compareWithRemote } from "./compare-commits";
import type { WorkspaceContext } from "./context";
import { resolveOptional } from "./remote-branch";

/**
 * Counts the commits on the current branch that the remote does not have:
 * those reachable from HEAD and not from `origin/<branch>` as last fetched.
 * For a branch never pushed, the commits since it forked from the remote's
 * branches. The walk is bounded (COMPARE_LIMIT commits); past it the count is
 * a lower bound, which is all a "you have unpushed work" warning needs.
 */
export async function countUnpushed({ ctx }: { ctx: WorkspaceContext }): Promise<number> {
  try {
    const branch = await git.currentBranch({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, fullname: false });
    const head = await resolveOptional({ ctx, ref: "HEAD" });
    if (!branch || !head) return 0;
    const { ahead } = await compareWithRemote({ ctx, branch, head });
    return ahead;
  } catch (error) {
    throw toWorkspaceError(error, { action: "count the commits not pushed yet" });
  }
}
