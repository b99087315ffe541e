import git, { type TreeEntry } from "isomorphic-git";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { isNotebookPath } from "../notebooks";
import { mergeNotebookText } from "./merge-notebook-files";
import { type ConflictLabels, decodeText, encodeText, markDeleteConflict, mergeText } from "./merge-text";

const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
const SYMLINK = "120000";

export type MergeConflict = {
  path: string;
  /**
   * content: both changed the same lines; notebook: both changed the same cell (or notebook metadata) of a
   * notebook; binary: both changed a file that is not text (ours kept); deleted-by-*: one side deleted what
   * the other changed (the changed version kept).
   */
  kind: "content" | "notebook" | "binary" | "deleted-by-us" | "deleted-by-them";
  /** The blob the merged tree holds at `path` (text with conflict markers, a valid notebook with our cells where they conflict, or the kept version). */
  oid: string;
  mode: string;
};

export type TreeMerge = { tree: string; conflicts: MergeConflict[] };

type Entry = Omit<TreeEntry, "path">;

/**
 * Three-way merge of trees: what changed between `base` and `theirs` is laid
 * on `ours`. Descends only into folders both sides changed, so it costs what
 * changed, not what exists. Notebooks (`.ipynb`) are merged cell by cell when
 * all three versions read as notebooks. Conflicting files get conflict markers
 * (text), our cells where they conflict (notebooks: still a valid notebook),
 * our version (binary) or the changed version (changed on one side, deleted on
 * the other), and are listed in `conflicts`; the returned tree always exists.
 *
 * Written here rather than taken from isomorphic-git's merge, which walks both
 * whole trees, cannot return a tree when a file was deleted on one side and
 * changed on the other, and merges binary files as UTF-8 text.
 */
export async function mergeTrees({
  ctx,
  ours,
  base,
  theirs,
  labels,
}: {
  ctx: WorkspaceContext;
  ours: string;
  base: string | null;
  theirs: string;
  labels: ConflictLabels;
}): Promise<TreeMerge> {
  const conflicts: MergeConflict[] = [];
  const merger = new TreeMerger(ctx, labels, conflicts);
  const tree = (await merger.mergeTree(ours, base, theirs, "")) ?? (await git.writeTree({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, tree: [] }));
  conflicts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { tree, conflicts };
}

const same = (a: Entry | undefined, b: Entry | undefined) => a?.oid === b?.oid && a?.mode === b?.mode;
const isTree = (entry: Entry | undefined) => entry?.type === "tree";

class TreeMerger {
  constructor(
    private readonly ctx: WorkspaceContext,
    private readonly labels: ConflictLabels,
    private readonly conflicts: MergeConflict[],
  ) {}

  async mergeTree(ours: string | null, base: string | null, theirs: string | null, prefix: string): Promise<string | null> {
    if (ours === theirs) return ours;
    if (base === ours) return theirs;
    if (base === theirs) return ours;
    const [o, b, t] = await Promise.all([this.readEntries(ours), this.readEntries(base), this.readEntries(theirs)]);
    const names = [...new Set([...o.keys(), ...b.keys(), ...t.keys()])].sort();
    const merged: TreeEntry[] = [];
    for (const name of names) {
      const entry = await this.mergeEntry(o.get(name), b.get(name), t.get(name), prefix ? `${prefix}/${name}` : name);
      if (entry) merged.push({ ...entry, path: name });
    }
    if (merged.length === 0) return null;
    return git.writeTree({ fs: this.ctx.fs, dir: this.ctx.dir, gitdir: this.ctx.gitdir, tree: merged });
  }

  private async mergeEntry(o: Entry | undefined, b: Entry | undefined, t: Entry | undefined, path: string): Promise<Entry | undefined> {
    if (same(o, t)) return o;
    if (same(b, o)) return t;
    if (same(b, t)) return o;
    // Both sides changed this path, differently.
    if ((isTree(o) || isTree(t)) && (!o || isTree(o)) && (!t || isTree(t))) {
      // Two changed folders, or a folder one side deleted: merge file by file, the deleting side as empty.
      const tree = await this.mergeTree(o?.oid ?? EMPTY_TREE, isTree(b) ? (b as Entry).oid : EMPTY_TREE, t?.oid ?? EMPTY_TREE, path);
      return tree && tree !== EMPTY_TREE ? { mode: "040000", type: "tree", oid: tree } : undefined;
    }
    if (o?.type === "commit" || t?.type === "commit" || isTree(o) || isTree(t)) {
      throw new WorkspaceError(
        "conflict",
        `"${path}" changed in ways this browser cannot merge (a file replaced by a folder, or a submodule). Merge with the git command line, push, then pull again.`,
        { paths: [path] },
      );
    }
    const baseBlob = b?.type === "blob" ? b : undefined;
    if (o && t) return this.mergeBlobs(o, baseBlob, t, path);
    return this.keepChanged((o ?? t) as Entry, o ? "them" : "us", path);
  }

  private async mergeBlobs(o: Entry, b: Entry | undefined, t: Entry, path: string): Promise<Entry> {
    const mode = b && b.mode === o.mode ? t.mode : o.mode;
    const [ours, theirs, base] = await Promise.all([this.readText(o), this.readText(t), b ? this.readText(b) : ""]);
    if (ours === null || theirs === null || base === null) {
      this.conflicts.push({ path, kind: "binary", oid: o.oid, mode: o.mode });
      return o;
    }
    const notebook = b && isNotebookPath(path) ? mergeNotebookText({ base, ours, theirs }) : null;
    if (notebook) {
      const oid = await this.writeText(notebook.text);
      if (!notebook.clean) this.conflicts.push({ path, kind: "notebook", oid, mode });
      return { mode, type: "blob", oid };
    }
    const { clean, text } = mergeText({ base, ours, theirs, labels: this.labels });
    const oid = await this.writeText(text);
    if (!clean) this.conflicts.push({ path, kind: "content", oid, mode });
    return { mode, type: "blob", oid };
  }

  private async keepChanged(changed: Entry, deletedBy: "us" | "them", path: string): Promise<Entry> {
    const kind = deletedBy === "us" ? "deleted-by-us" : "deleted-by-them";
    const text = changed.mode === SYMLINK ? null : await this.readText(changed);
    if (text === null) {
      this.conflicts.push({ path, kind, oid: changed.oid, mode: changed.mode });
      return changed;
    }
    const oid = await this.writeText(markDeleteConflict({ text, deletedBy, labels: this.labels }));
    this.conflicts.push({ path, kind, oid, mode: changed.mode });
    return { ...changed, oid };
  }

  private async readEntries(tree: string | null): Promise<Map<string, Entry>> {
    if (!tree || tree === EMPTY_TREE) return new Map();
    const { fs, dir, gitdir, cache } = this.ctx;
    const { tree: entries } = await git.readTree({ fs, dir, gitdir, oid: tree, cache });
    return new Map(entries.map(({ path, ...entry }) => [path, entry]));
  }

  /** The blob's text, or null when it is not text (symlinks count as not text). */
  private async readText(entry: Entry): Promise<string | null> {
    if (entry.mode === SYMLINK) return null;
    const { fs, dir, gitdir, cache } = this.ctx;
    const { blob } = await git.readBlob({ fs, dir, gitdir, oid: entry.oid, cache });
    return decodeText(blob);
  }

  private writeText(text: string): Promise<string> {
    return git.writeBlob({ fs: this.ctx.fs, dir: this.ctx.dir, gitdir: this.ctx.gitdir, blob: encodeText(text) });
  }
}
