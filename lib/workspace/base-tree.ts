import git from "isomorphic-git";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { readMerge, type StoredMerge } from "./merge-state";

export type Base = {
  /** Current branch (short name), e.g. "main". */
  branch: string;
  /** HEAD's commit. */
  head: string;
  /** The tree the overlay is laid on: HEAD's tree, or the merged tree during a merge. */
  tree: string;
  merge: StoredMerge | undefined;
};

/** Resolves what the working tree is based on. Throws `not_found` before the first clone. */
export async function resolveBase({ ctx }: { ctx: WorkspaceContext }): Promise<Base> {
  const { fs, dir, gitdir, cache } = ctx;
  const branch = await git.currentBranch({ fs, dir, gitdir, fullname: false });
  if (!branch) throw new WorkspaceError("not_found", "This copy is not on a branch. Switch to a branch to continue.");
  let head: string;
  try {
    head = await git.resolveRef({ fs, dir, gitdir, ref: "HEAD" });
  } catch (error) {
    throw new WorkspaceError("not_found", "There is no local copy yet. Open the session to download it.", { cause: error });
  }
  const merge = await readMerge(ctx.overlay);
  if (merge) return { branch, head, tree: merge.mergedTree, merge };
  const { commit } = await git.readCommit({ fs, dir, gitdir, oid: head, cache });
  return { branch, head, tree: commit.tree, merge };
}
