import git from "isomorphic-git";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { joinPath } from "./paths";
import type { TreeEntry, TreeReader } from "./tree-reader";

/** One file to change in a tree: its new blob, or null to remove it. */
export type TreeChange = { path: string; oid: string | null; mode: string };

type Node = { files: Map<string, TreeChange>; folders: Map<string, Node> };

const newNode = (): Node => ({ files: new Map(), folders: new Map() });

/**
 * Writes the tree that is `baseTree` with `changes` applied, rewriting only the
 * trees on the paths of changed files: every other subtree keeps its id. A
 * folder left empty is removed from its parent, as git does (an empty root
 * gives the empty tree). Returns the new root tree's id.
 */
export async function buildTree({
  ctx,
  reader,
  baseTree,
  changes,
}: {
  ctx: WorkspaceContext;
  reader: TreeReader;
  baseTree: string;
  changes: TreeChange[];
}): Promise<string> {
  const root = newNode();
  for (const change of changes) {
    const parts = change.path.split("/");
    let node = root;
    for (const part of parts.slice(0, -1)) {
      let next = node.folders.get(part);
      if (!next) node.folders.set(part, (next = newNode()));
      node = next;
    }
    node.files.set(parts[parts.length - 1] as string, change);
  }
  const write = (tree: TreeEntry[]) => git.writeTree({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, tree });

  const rewrite = async (treeOid: string | null, node: Node, prefix: string): Promise<string | null> => {
    const entries = new Map((treeOid ? await reader.entries(treeOid) : []).map((e) => [e.path, e]));
    for (const name of new Set([...node.files.keys(), ...node.folders.keys()])) {
      const file = node.files.get(name);
      const folder = node.folders.get(name);
      const existing = entries.get(name);
      if (file?.oid) {
        if (folder && addsFiles(folder)) {
          const path = joinPath(prefix, name);
          throw new WorkspaceError("conflict", `"${path}" is both a file and a folder in your changes. Delete or rename one of them, then commit.`, { paths: [path] });
        }
        entries.set(name, { mode: file.mode, path: name, oid: file.oid, type: file.mode === "160000" ? "commit" : "blob" });
      } else if (folder) {
        const oid = await rewrite(existing?.type === "tree" ? existing.oid : null, folder, joinPath(prefix, name));
        if (oid) entries.set(name, { mode: "040000", path: name, oid, type: "tree" });
        else if (existing?.type === "tree" || file) entries.delete(name);
      } else if (file && existing && existing.type !== "tree") {
        entries.delete(name);
      }
    }
    return entries.size === 0 ? null : write([...entries.values()]);
  };

  return (await rewrite(baseTree, root, "")) ?? write([]);
}

function addsFiles(node: Node): boolean {
  for (const change of node.files.values()) if (change.oid) return true;
  for (const child of node.folders.values()) if (addsFiles(child)) return true;
  return false;
}
