import git from "isomorphic-git";
import { cleanCommitMessage } from "./commit-message";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { keepLfsContent } from "./lfs/keep-lfs-content";
import { isLfsTracked } from "./lfs/lfs-files";
import { guard } from "./local-errors";
import { writeMerge } from "./merge-state";
import type { OverlayEntry } from "./overlay/overlay-store";
import { checkPath, isUnder } from "./paths";
import { checkNewPath } from "./path-rules";
import { resolveOptional } from "./remote-branch";
import { buildTree, type TreeChange } from "./tree-builder";
import { LARGE_FILE_BYTES, type CommitResult } from "./types";
import { MAX_POINTER_BYTES, parseLfsPointer } from "../lfs-pointers";
import { changeKindOf, openWorkingTree, type WorkingTree } from "./working-tree";

/**
 * Commits uncommitted changes on the current branch: those at or under
 * `paths`, or all of them when `paths` is absent or empty. Only the trees on
 * the changed paths are rewritten, so a commit costs what changed. During a
 * merge the commit gets both parents and ends the merge; it must take every
 * file the merge left in conflict, while other uncommitted work may stay out
 * (pull refused any that touched incoming files, so it still applies).
 *
 * Refuses: `invalid` for an empty message or nothing to commit, `conflict`
 * while a file still holds conflict markers, `merging` for a commit during a
 * merge that leaves out a file the merge conflicted on, `invalid_path` for a new
 * file whose name git could not check out (the last check before it is shared).
 * A file of LARGE_FILE_BYTES or more is committed, and named in `largeFiles`
 * for the screen to recommend large-file storage. A file .gitattributes gives to
 * Git LFS is committed as its pointer (content saved before the path was
 * tracked is made an LFS object here first).
 */
export async function commitChanges({ ctx, message, paths }: { ctx: WorkspaceContext; message: string; paths?: string[] }): Promise<CommitResult> {
  const text = cleanCommitMessage(message);
  const chosen = (paths ?? []).map(checkPath);
  return guard("commit", async () => {
    const tree = await openWorkingTree(ctx);
    const { base } = tree;
    const all = await ctx.overlay.list();
    const selected = chosen.length === 0 ? all : all.filter((e) => chosen.some((path) => isUnder(e.path, path)));
    // During a merge the merge itself is the change, even when no file needed editing.
    if (selected.length === 0 && !(base.merge && chosen.length === 0)) {
      throw new WorkspaceError("invalid", chosen.length ? "None of the chosen files has changes to commit. Pick changed files." : "There are no changes to commit. Edit a file first.");
    }
    const conflicted = (base.merge ? all : selected).filter((e) => e.conflict).map((e) => e.path);
    if (conflicted.length) {
      throw new WorkspaceError("conflict", `Resolve the conflicts in ${conflicted.join(", ")} before committing.`, { paths: conflicted });
    }
    const left = base.merge ? base.merge.conflicts.filter((path) => all.some((e) => e.path === path) && !selected.some((e) => e.path === path)) : [];
    if (left.length) {
      throw new WorkspaceError("merging", `A merge is in progress: include ${left.join(", ")} in the commit to finish it.`, { paths: left });
    }

    for (const entry of selected) if (changeKindOf(entry) === "new") checkNewPath(entry.path);

    const changes = await writeBlobs(tree, selected);
    const treeOid = await buildTree({ ctx, reader: tree.reader, baseTree: base.tree, changes });
    if (treeOid === base.tree && !base.merge) {
      throw new WorkspaceError("invalid", "These changes are the same as the last commit. Discard them instead of committing.", { paths: selected.map((e) => e.path) });
    }
    const person = { ...ctx.author, timestamp: Math.floor(Date.now() / 1000), timezoneOffset: new Date().getTimezoneOffset() };
    const parents = base.merge ? [base.merge.ours, base.merge.theirs] : base.head ? [base.head] : [];
    const { fs, dir, gitdir } = ctx;
    const oid = await git.writeCommit({ fs, dir, gitdir, commit: { message: text, tree: treeOid, parent: parents, author: person, committer: person } });

    if ((await resolveOptional({ ctx, ref: "HEAD" })) !== base.head) {
      throw new WorkspaceError("conflict", "The branch moved while committing (another tab?). Nothing was committed; try again.");
    }
    await git.writeRef({ fs, dir, gitdir, ref: `refs/heads/${base.branch}`, value: oid, force: true });
    if (base.merge) await writeMerge(ctx.overlay, undefined);
    // An entry saved again meanwhile is newer than what was committed: keep it.
    for (const entry of selected) {
      const current = await ctx.overlay.get(entry.path);
      if (current && current.version === entry.version) await ctx.overlay.delete(entry.path);
    }
    const largeFiles = selected.flatMap((e) => (e.content && e.content.byteLength >= LARGE_FILE_BYTES ? [{ path: e.path, size: e.content.byteLength }] : []));
    return { oid, message: text, author: { name: person.name, email: person.email, timestamp: person.timestamp }, parents, largeFiles };
  });
}

/** Content for a path Git LFS keeps that is not a pointer yet (saved before the path was tracked) becomes an LFS object and its pointer. */
async function committedContent(tree: WorkingTree, entry: OverlayEntry): Promise<Uint8Array | null> {
  const { content } = entry;
  if (!content || (content.byteLength <= MAX_POINTER_BYTES && parseLfsPointer(content)) || !(await isLfsTracked(tree, entry.path))) return content;
  return keepLfsContent({ ctx: tree.ctx, blob: new Blob([content as Uint8Array<ArrayBuffer>]) });
}

async function writeBlobs(tree: WorkingTree, entries: OverlayEntry[]): Promise<TreeChange[]> {
  const { fs, dir, gitdir } = tree.ctx;
  const changes: TreeChange[] = [];
  for (const entry of entries) {
    const content = await committedContent(tree, entry);
    const oid = content ? await git.writeBlob({ fs, dir, gitdir, blob: content }) : null;
    changes.push({ path: entry.path, oid, mode: entry.mode });
  }
  return changes;
}
