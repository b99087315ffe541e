import git from "isomorphic-git";
import type { ProgressCallback } from "./api";
import { toWorkspaceError } from "./classify-error";
import { readShallow } from "./compare-commits";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { treeOf } from "./find-tree-entry";
import { getState } from "./get-state";
import { assertNoIncomingChanges } from "./incoming-changes";
import { readMerge, writeMerge } from "./merge-state";
import { conflictLabels } from "./merge-text";
import { type MergeConflict, mergeTrees } from "./merge-trees";
import { FULL_DEPTH, fetchBranch, resolveOptional } from "./remote-branch";
import type { PullResult } from "./types";
import { openWorkingTree, saveFile } from "./working-tree";

/**
 * Brings the remote's commits on the current branch into this copy.
 *
 * - Nothing new: `up-to-date`.
 * - Only theirs moved: `fast-forward` — the branch ref moves to their commit
 *   (no checkout: the working tree is read from the new tree).
 * - Both moved: a three-way merge. Clean: a merge commit with parents
 *   [ours, theirs] becomes the branch's head, `merged`. Conflicts: the branch
 *   stays; the merge is stored (ours, theirs, their base, merged tree) and
 *   each conflicting file gets an overlay entry flagged `conflict` holding the
 *   merged text with conflict markers (notebooks: the notebook merged cell by
 *   cell, our cells where both changed one). Settle them with resolveConflict()
 *   or resolveNotebookConflict(), then commit (two parents) or abortMerge().
 *
 * Uncommitted changes stay in place. Refuses (`dirty`, with the paths) when
 * the incoming commits change a file that has uncommitted changes, and
 * (`merging`) while a merge is in progress. Nothing moves when it fails.
 */
export async function pullBranch({ ctx, onProgress }: { ctx: WorkspaceContext; onProgress?: ProgressCallback }): Promise<PullResult> {
  try {
    if (await readMerge(ctx.overlay)) {
      throw new WorkspaceError("merging", "A merge is already in progress. Resolve the conflicts and commit the merge (or abort it) before pulling again.");
    }
    const branch = await git.currentBranch({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, fullname: false });
    if (!branch) throw new WorkspaceError("invalid", "This copy is not on a branch. Switch to a branch, then pull.");
    const theirs = await fetchBranch({ ctx, branch, onProgress });
    const head = await resolveOptional({ ctx, ref: "HEAD" });
    if (!theirs || theirs === head) return { kind: "up-to-date", state: await getState({ ctx }) };

    const base = head ? await findBase({ ctx, branch, head, theirs, onProgress }) : null;
    if (base === theirs) return { kind: "up-to-date", state: await getState({ ctx }) };
    const [headTree, baseTree, theirsTree] = await Promise.all([treeOf({ ctx, commit: head }), treeOf({ ctx, commit: base }), treeOf({ ctx, commit: theirs })]);
    await assertNoIncomingChanges({ ctx, head: headTree, base: baseTree, theirs: theirsTree as string });

    if (!head || base === head) {
      await git.writeRef({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, ref: `refs/heads/${branch}`, value: theirs, force: true });
      return { kind: "fast-forward", state: await getState({ ctx }) };
    }

    onProgress?.({ phase: "Merging", loaded: 0 });
    const { tree, conflicts } = await mergeTrees({ ctx, ours: headTree as string, base: baseTree, theirs: theirsTree as string, labels: conflictLabels(branch) });
    if (conflicts.length === 0) {
      await commitMerge({ ctx, branch, tree, parents: [head, theirs] });
      return { kind: "merged", state: await getState({ ctx }) };
    }
    await recordConflicts({ ctx, merge: { ours: head, theirs, base: base as string }, tree, conflicts });
    return { kind: "conflicts", conflicts: conflicts.map((conflict) => conflict.path), state: await getState({ ctx }) };
  } catch (error) {
    throw toWorkspaceError(error, { action: "pull", proxied: Boolean(ctx.corsProxy) });
  }
}

/**
 * The merge base of HEAD and theirs. A shallow copy may not reach back to it;
 * then the full history is fetched once and the search repeated.
 */
async function findBase({
  ctx,
  branch,
  head,
  theirs,
  onProgress,
}: {
  ctx: WorkspaceContext;
  branch: string;
  head: string;
  theirs: string;
  onProgress?: ProgressCallback;
}): Promise<string> {
  const search = () => git.findMergeBase({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, oids: [head, theirs], cache: ctx.cache }) as Promise<string[]>;
  let bases = await search();
  if (bases.length === 0 && (await readShallow({ ctx })).size > 0) {
    await fetchBranch({ ctx, branch, depth: FULL_DEPTH, onProgress });
    bases = await search();
  }
  if (bases.includes(theirs)) return theirs;
  if (bases.includes(head)) return head;
  if (bases.length === 1) return bases[0] as string;
  throw new WorkspaceError(
    "conflict",
    bases.length === 0
      ? "Your branch and the server's share no history, so they cannot be merged here. Ask the project's owner; your commits are kept."
      : "These histories have more than one common ancestor, which this browser cannot merge. Merge with the git command line, push, then pull again.",
  );
}

async function commitMerge({ ctx, branch, tree, parents }: { ctx: WorkspaceContext; branch: string; tree: string; parents: string[] }): Promise<void> {
  const now = { timestamp: Math.floor(Date.now() / 1000), timezoneOffset: new Date().getTimezoneOffset() };
  const oid = await git.writeCommit({
    fs: ctx.fs,
    dir: ctx.dir,
    gitdir: ctx.gitdir,
    commit: {
      tree,
      parent: parents,
      author: { ...ctx.author, ...now },
      committer: { ...ctx.author, ...now },
      message: `Merge branch '${branch}' of origin into ${branch}\n`,
    },
  });
  await git.writeRef({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, ref: `refs/heads/${branch}`, value: oid, force: true });
}

/**
 * Stores the merge, then puts each conflicting file in the overlay, flagged,
 * with what the merged tree holds there. The merge is written first: should
 * the page close in between, the copy is still known to be merging and
 * abortMerge() cleans up.
 */
async function recordConflicts({
  ctx,
  merge,
  tree,
  conflicts,
}: {
  ctx: WorkspaceContext;
  merge: { ours: string; theirs: string; base: string };
  tree: string;
  conflicts: MergeConflict[];
}): Promise<void> {
  const paths = (kind?: MergeConflict["kind"]) => conflicts.filter((conflict) => !kind || conflict.kind === kind).map((conflict) => conflict.path);
  await writeMerge(ctx.overlay, { ...merge, mergedTree: tree, conflicts: paths(), notebooks: paths("notebook") });
  const workingTree = await openWorkingTree(ctx);
  for (const conflict of conflicts) {
    const content = await workingTree.reader.readBlob(conflict.oid);
    await saveFile(workingTree, { path: conflict.path, content, mode: conflict.mode, conflict: true });
  }
}
