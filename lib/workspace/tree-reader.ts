import git, { type TreeEntry } from "isomorphic-git";
import type { WorkspaceContext } from "./context";
import { joinPath } from "./paths";

export type { TreeEntry };

/** The id of the tree with nothing in it, which git knows without storing it. */
export const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

/**
 * Reads trees from the object store for one operation, each at most once.
 * Everything here walks only the trees on the paths asked for, so its cost is
 * the depth of those paths, not the size of the repository.
 */
export type TreeReader = {
  /** The entries of a tree (entry `path` is the name within the tree). */
  entries(treeOid: string): Promise<TreeEntry[]>;
  /** The entry at `path` under the tree `root`; null when absent or when a folder on the way is not a folder. */
  find(root: string, path: string): Promise<TreeEntry | null>;
  /**
   * Calls `visit` with every file (blob or link) under `treeOid`, whose paths are
   * given below `prefix`; stops early when `visit` returns false.
   * Resolves to false when stopped early.
   */
  walkFiles(treeOid: string, prefix: string, visit: (path: string, entry: TreeEntry) => boolean | void): Promise<boolean>;
  readBlob(oid: string): Promise<Uint8Array>;
};

export function createTreeReader(ctx: WorkspaceContext): TreeReader {
  const { fs, dir, gitdir, cache } = ctx;
  const trees = new Map<string, Promise<TreeEntry[]>>();

  const entries = (treeOid: string) => {
    let found = trees.get(treeOid);
    if (!found && treeOid === EMPTY_TREE) found = Promise.resolve([]);
    if (!found) {
      found = git.readTree({ fs, dir, gitdir, oid: treeOid, cache }).then((result) => result.tree);
      trees.set(treeOid, found);
    }
    return found;
  };

  const find = async (root: string, path: string) => {
    let tree = root;
    const parts = path.split("/");
    for (let i = 0; i < parts.length; i++) {
      const entry = (await entries(tree)).find((e) => e.path === parts[i]);
      if (!entry) return null;
      if (i === parts.length - 1) return entry;
      if (entry.type !== "tree") return null;
      tree = entry.oid;
    }
    return null;
  };

  const walkFiles = async (treeOid: string, prefix: string, visit: (path: string, entry: TreeEntry) => boolean | void): Promise<boolean> => {
    for (const entry of await entries(treeOid)) {
      const path = joinPath(prefix, entry.path);
      if (entry.type === "tree") {
        if (!(await walkFiles(entry.oid, path, visit))) return false;
      } else if (entry.type === "blob" && visit(path, entry) === false) {
        return false;
      }
    }
    return true;
  };

  const readBlob = async (oid: string) => (await git.readBlob({ fs, dir, gitdir, oid, cache })).blob;

  return { entries, find, walkFiles, readBlob };
}
