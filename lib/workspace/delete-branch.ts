import git from "isomorphic-git";
import { checkBranchName, localRef } from "./branch-name";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { guard } from "./local-errors";
import { resolveOptional, trackingRef } from "./remote-branch";

/**
 * Deletes a local branch. Refuses: `invalid` for the current branch,
 * `not_found` for an unknown one, and `unpushed` when its commits are on
 * neither the current branch nor its remote branch (they would be lost),
 * unless `force`.
 */
export async function deleteBranch({ ctx, name, force = false }: { ctx: WorkspaceContext; name: string; force?: boolean }): Promise<void> {
  checkBranchName(name);
  await guard("delete the branch", async () => {
    const { fs, dir, gitdir, cache } = ctx;
    if ((await git.currentBranch({ fs, dir, gitdir, fullname: false })) === name) {
      throw new WorkspaceError("invalid", `"${name}" is the current branch. Switch to another branch before deleting it.`);
    }
    const commit = await resolveOptional({ ctx, ref: localRef(name) });
    if (!commit) throw new WorkspaceError("not_found", `There is no local branch "${name}". Reload the branch list.`);
    if (!force) {
      const keepers = [await resolveOptional({ ctx, ref: "HEAD" }), await resolveOptional({ ctx, ref: trackingRef(name) })].filter((oid): oid is string => oid !== null);
      let kept = false;
      for (const keeper of keepers) {
        kept = keeper === commit || (await git.isDescendent({ fs, dir, gitdir, oid: keeper, ancestor: commit, depth: -1, cache }));
        if (kept) break;
      }
      if (!kept) {
        throw new WorkspaceError("unpushed", `"${name}" has commits that are neither on the current branch nor pushed. Push or merge it first, or delete it anyway.`);
      }
    }
    await git.deleteBranch({ fs, dir, gitdir, ref: name });
  });
}
