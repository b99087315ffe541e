import git from "isomorphic-git";
import { localRef } from "./branch-name";
import type { WorkspaceContext } from "./context";
import { guard } from "./local-errors";
import { compareNames } from "./paths";
import { REMOTE, resolveOptional, trackingRef } from "./remote-branch";
import type { BranchInfo } from "./types";

/**
 * The local branches (which one is current, and their commits), then the
 * branches that exist only on the remote as last fetched (`remote: true`;
 * switching to one creates it locally). Sorted by name within each group.
 */
export async function listBranches({ ctx }: { ctx: WorkspaceContext }): Promise<BranchInfo[]> {
  return guard("list branches", async () => {
    const { fs, dir, gitdir } = ctx;
    const current = await git.currentBranch({ fs, dir, gitdir, fullname: false });
    const local = (await git.listBranches({ fs, dir, gitdir })).sort(compareNames);
    const isLocal = new Set(local);
    const remote = (await git.listBranches({ fs, dir, gitdir, remote: REMOTE })).filter((name) => name !== "HEAD" && !isLocal.has(name)).sort(compareNames);
    const branches: BranchInfo[] = [];
    for (const name of local) {
      const commit = await resolveOptional({ ctx, ref: localRef(name) });
      if (commit) branches.push({ name, current: name === current, commit, remote: false });
    }
    for (const name of remote) {
      const commit = await resolveOptional({ ctx, ref: trackingRef(name) });
      if (commit) branches.push({ name, current: false, commit, remote: true });
    }
    return branches;
  });
}
