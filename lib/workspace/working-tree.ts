import git from "isomorphic-git";
import { resolveBase, type Base } from "./base-tree";
import type { WorkspaceContext } from "./context";
import { isWorkspaceError, WorkspaceError } from "./errors";
import type { OverlayEntry } from "./overlay/overlay-store";
import { ancestorsOf } from "./paths";
import { createTreeReader, EMPTY_TREE, type TreeEntry, type TreeReader } from "./tree-reader";
import type { ChangeKind } from "./types";

/**
 * The working tree a person sees: the base tree with the overlay laid on top.
 * Nothing here reads more than the paths asked about (and, for folders, what
 * is inside them).
 */
export type WorkingTree = {
  ctx: WorkspaceContext;
  base: WorkingBase;
  reader: TreeReader;
  /** Last version handed out (see nextVersion); loaded on first use. */
  lastVersion?: number;
};

/** A file of the working tree: changed (`entry`) or as in the base tree (`baseEntry`). */
export type WorkingFile = { path: string; mode: string; entry?: OverlayEntry; baseEntry: TreeEntry | null };

const VERSION_KEY = "version";

/** How the path of an overlay entry differs from the base. */
export function changeKindOf(entry: OverlayEntry): ChangeKind {
  if (entry.content === null) return "deleted";
  return entry.baseOid === null ? "new" : "modified";
}

/** The base, where `head` is null on a branch without commits yet (a copy of an empty repository). */
export type WorkingBase = Omit<Base, "head"> & { head: string | null };

export async function openWorkingTree(ctx: WorkspaceContext): Promise<WorkingTree> {
  return { ctx, base: await resolveWorkingBase(ctx), reader: createTreeReader(ctx) };
}

async function resolveWorkingBase(ctx: WorkspaceContext): Promise<WorkingBase> {
  try {
    return await resolveBase({ ctx });
  } catch (error) {
    if (!isWorkspaceError(error) || (error as WorkspaceError).code !== "not_found") throw error;
    // HEAD names a branch that has no commit yet: the working tree lies on nothing.
    const branch = await git.currentBranch({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, fullname: false }).catch(() => undefined);
    if (!branch) throw error;
    return { branch, head: null, tree: EMPTY_TREE, merge: undefined };
  }
}

/** The base tree's entry at `path` when it is a file (blob or link), else null. */
export async function findBaseFile(tree: WorkingTree, path: string): Promise<TreeEntry | null> {
  const entry = await tree.reader.find(tree.base.tree, path);
  return entry?.type === "blob" ? entry : null;
}

/** The file at `path`, or null when there is none (absent, deleted, or a folder). */
export async function findFile(tree: WorkingTree, path: string): Promise<WorkingFile | null> {
  const entry = await tree.ctx.overlay.get(path);
  if (entry) return entry.content ? { path, mode: entry.mode, entry, baseEntry: await findBaseFile(tree, path) } : null;
  const baseEntry = await findBaseFile(tree, path);
  return baseEntry ? { path, mode: baseEntry.mode, baseEntry } : null;
}

export async function readWorkingBytes(tree: WorkingTree, file: WorkingFile): Promise<Uint8Array> {
  if (file.entry?.content) return file.entry.content;
  if (!file.baseEntry) throw new WorkspaceError("not_found", `"${file.path}" has no content. Reload the session and try again.`);
  return tree.reader.readBlob(file.baseEntry.oid);
}

/** Overlay entries strictly inside `folder` ("" for all). */
export async function entriesInside(tree: WorkingTree, folder: string): Promise<OverlayEntry[]> {
  const entries = await tree.ctx.overlay.listUnder(folder);
  return folder === "" ? entries : entries.filter((e) => e.path !== folder);
}

/**
 * Whether `folder` holds at least one file in the working tree. A base folder
 * whose files were all deleted is gone, as in git; the walk stops at the first
 * file still there, so it costs about what was deleted.
 */
export async function folderExists(tree: WorkingTree, folder: string, inside?: OverlayEntry[]): Promise<boolean> {
  const entries = inside ?? (await entriesInside(tree, folder));
  if (entries.some((e) => e.content)) return true;
  const baseEntry = folder === "" ? null : await tree.reader.find(tree.base.tree, folder);
  const baseTree = folder === "" ? tree.base.tree : baseEntry?.type === "tree" ? baseEntry.oid : null;
  if (!baseTree) return false;
  const deleted = new Set(entries.map((e) => e.path));
  return !(await tree.reader.walkFiles(baseTree, folder, (path) => deleted.has(path)));
}

/** Every file under `folder` in the working tree, base files first (tree order), then new ones. */
export async function listFilesInside(tree: WorkingTree, folder: string): Promise<WorkingFile[]> {
  const pending = new Map((await entriesInside(tree, folder)).map((e) => [e.path, e]));
  const files: WorkingFile[] = [];
  const baseEntry = folder === "" ? null : await tree.reader.find(tree.base.tree, folder);
  const baseTree = folder === "" ? tree.base.tree : baseEntry?.type === "tree" ? baseEntry.oid : null;
  if (baseTree) {
    await tree.reader.walkFiles(baseTree, folder, (path, entry) => {
      const changed = pending.get(path);
      pending.delete(path);
      if (!changed) files.push({ path, mode: entry.mode, baseEntry: entry });
      else if (changed.content) files.push({ path, mode: changed.mode, entry: changed, baseEntry: entry });
    });
  }
  for (const entry of pending.values()) if (entry.content) files.push({ path: entry.path, mode: entry.mode, entry, baseEntry: null });
  return files;
}

/** "file", "dir" or null for nothing at `path`. */
export async function statPath(tree: WorkingTree, path: string): Promise<"file" | "dir" | null> {
  if (await findFile(tree, path)) return "file";
  return (await folderExists(tree, path)) ? "dir" : null;
}

/** Refuses (`exists`) when a file sits where one of the folders of `path` would be. */
export async function assertFoldersFree(tree: WorkingTree, path: string): Promise<void> {
  for (const folder of ancestorsOf(path)) {
    if (await findFile(tree, folder)) {
      throw new WorkspaceError("exists", `"${folder}" is a file, so "${path}" cannot be created inside it. Rename or delete "${folder}" first.`, { paths: [folder] });
    }
  }
}

/**
 * A version above every version handed out before, including ones since
 * removed, so that a save based on an older read is always recognised.
 */
export async function nextVersion(tree: WorkingTree, current: number): Promise<number> {
  tree.lastVersion ??= (await tree.ctx.overlay.getMeta<number>(VERSION_KEY)) ?? 0;
  const version = Math.max(tree.lastVersion, current) + 1;
  tree.lastVersion = version;
  await tree.ctx.overlay.setMeta(VERSION_KEY, version);
  return version;
}

/**
 * Records new content for `path`. When it equals the base file (same bytes,
 * same mode) the path is simply unchanged, so its entry is removed and the
 * version is 0; an entry still marked as a conflict is always kept.
 */
export async function saveFile(
  tree: WorkingTree,
  { path, content, mode, conflict }: { path: string; content: Uint8Array; mode: string; conflict?: boolean },
): Promise<number> {
  const { overlay } = tree.ctx;
  const existing = await overlay.get(path);
  const baseEntry = await findBaseFile(tree, path);
  const marked = conflict ?? existing?.conflict ?? false;
  if (baseEntry && !marked && baseEntry.mode === mode) {
    const { oid } = await git.hashBlob({ object: content });
    if (oid === baseEntry.oid) {
      if (existing) await overlay.delete(path);
      return 0;
    }
  }
  const version = await nextVersion(tree, existing?.version ?? 0);
  await overlay.put({
    path,
    content,
    baseOid: baseEntry?.oid ?? null,
    mode,
    version,
    ...(marked ? { conflict: true } : {}),
    updatedAt: Date.now(),
  });
  return version;
}

/** Marks the file at `path` deleted (or forgets it, when it is new). */
export async function removeFile(tree: WorkingTree, path: string): Promise<void> {
  const { overlay } = tree.ctx;
  const baseEntry = await findBaseFile(tree, path);
  if (!baseEntry) {
    await overlay.delete(path);
    return;
  }
  const existing = await overlay.get(path);
  if (existing && existing.content === null) return;
  const version = await nextVersion(tree, existing?.version ?? 0);
  await overlay.put({ path, content: null, baseOid: baseEntry.oid, mode: baseEntry.mode, version, updatedAt: Date.now() });
}

/** The file at `path`; throws `not_found` (or `invalid` for a folder) when there is none. */
export async function requireFile(tree: WorkingTree, path: string): Promise<WorkingFile> {
  const file = await findFile(tree, path);
  if (file) return file;
  if (await folderExists(tree, path)) throw new WorkspaceError("invalid", `"${path}" is a folder, not a file. Open a file inside it.`);
  throw new WorkspaceError("not_found", `There is no file "${path}". It may have been moved or deleted; reload the file list.`);
}
