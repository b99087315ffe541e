import git from "isomorphic-git";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { guard } from "./local-errors";
import { checkPath, joinPath } from "./paths";
import { createTreeReader, type TreeEntry, type TreeReader } from "./tree-reader";
import type { Change, FileDiff } from "./types";
import { diffContents } from "./unified-diff";

/**
 * The files a commit changed compared with its first parent (for a root
 * commit, every file is new), sorted by path. Only subtrees whose ids differ
 * are opened, so this costs what the commit changed.
 */
export async function listCommitChanges({ ctx, oid }: { ctx: WorkspaceContext; oid: string }): Promise<Change[]> {
  checkOid(oid);
  return guard("read the commit", async () => {
    const reader = createTreeReader(ctx);
    const { tree, parentTree } = await readCommitTrees(ctx, oid);
    const changes: Change[] = [];
    await compareTrees(reader, parentTree, tree, "", changes);
    return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  });
}

/** How one file changed in a commit, compared with its first parent. Throws `not_found` when the commit did not touch it and it is in neither. */
export async function diffCommitFile({ ctx, oid, path }: { ctx: WorkspaceContext; oid: string; path: string }): Promise<FileDiff> {
  checkOid(oid);
  checkPath(path);
  return guard("read the commit", async () => {
    const reader = createTreeReader(ctx);
    const { tree, parentTree } = await readCommitTrees(ctx, oid);
    const fileAt = async (root: string | null) => {
      const entry = root ? await reader.find(root, path) : null;
      return entry?.type === "blob" ? entry : null;
    };
    const [before, after] = [await fileAt(parentTree), await fileAt(tree)];
    if (!before && !after) throw new WorkspaceError("not_found", `"${path}" is not in this commit. Reload the commit's changes.`);
    return diffContents({
      path,
      kind: !before ? "new" : !after ? "deleted" : "modified",
      before: before ? await reader.readBlob(before.oid) : null,
      after: after ? await reader.readBlob(after.oid) : null,
    });
  });
}

function checkOid(oid: string) {
  if (typeof oid !== "string" || !/^[0-9a-f]{40}$/.test(oid)) throw new WorkspaceError("invalid", `"${oid}" is not a commit id. Pick a commit from the history.`);
}

async function readCommitTrees(ctx: WorkspaceContext, oid: string): Promise<{ tree: string; parentTree: string | null }> {
  const { fs, dir, gitdir, cache } = ctx;
  const read = async (id: string, missing: string) => {
    try {
      return (await git.readCommit({ fs, dir, gitdir, oid: id, cache })).commit;
    } catch (error) {
      if ((error as { code?: string }).code === "NotFoundError") throw new WorkspaceError("not_found", missing, { cause: error });
      throw error;
    }
  };
  const commit = await read(oid, `Commit ${oid.slice(0, 7)} is not in the local copy. Fetch, or load the full history.`);
  const parent = commit.parent[0];
  if (!parent) return { tree: commit.tree, parentTree: null };
  const parentCommit = await read(parent, "The history before this commit is not downloaded yet. Load the full history to see what it changed.");
  return { tree: commit.tree, parentTree: parentCommit.tree };
}

async function compareTrees(reader: TreeReader, before: string | null, after: string | null, prefix: string, out: Change[]): Promise<void> {
  const byName = async (oid: string | null) => new Map<string, TreeEntry>((oid ? await reader.entries(oid) : []).map((e) => [e.path, e]));
  const [old, now] = [await byName(before), await byName(after)];
  for (const name of new Set([...old.keys(), ...now.keys()])) {
    const x = old.get(name);
    const y = now.get(name);
    if (x && y && x.oid === y.oid && x.mode === y.mode) continue;
    const path = joinPath(prefix, name);
    const xTree = x?.type === "tree" ? x.oid : null;
    const yTree = y?.type === "tree" ? y.oid : null;
    if (xTree || yTree) await compareTrees(reader, xTree, yTree, path, out);
    const xFile = x && !xTree;
    const yFile = y && !yTree;
    if (xFile && yFile) out.push({ path, kind: "modified", conflict: false });
    else if (xFile) out.push({ path, kind: "deleted", conflict: false });
    else if (yFile) out.push({ path, kind: "new", conflict: false });
  }
}
