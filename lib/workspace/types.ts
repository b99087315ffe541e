/**
 * The contract between a session's screen and its git worker. Everything here
 * crosses a postMessage boundary, so it is plain data (Uint8Array for bytes).
 */

import type { LfsObject } from "../lfs-pointers";
import { isNotebookPath } from "../notebooks";

/** A person as git records them. */
export type Author = { name: string; email: string };

/** How a path differs from the last commit (the base tree). */
export type ChangeKind = "new" | "modified" | "deleted";

export type Change = {
  path: string;
  kind: ChangeKind;
  /** Set while a merge left this file in conflict (conflict markers, or a notebook's conflicting cells) and it is not resolved yet. */
  conflict: boolean;
};

export type FileEntry = {
  name: string;
  path: string;
  type: "file" | "dir";
  /** For files: how it differs from the last commit. For folders: whether anything inside changed. */
  change?: ChangeKind;
  conflict?: boolean;
};

export type FileContent = {
  path: string;
  size: number;
  /** True when the bytes are not UTF-8 text (a NUL byte in the first 8 KB, or invalid UTF-8). */
  binary: boolean;
  /** True when the file is larger than the editor takes (see MAX_EDITOR_BYTES). */
  tooLarge: boolean;
  /** The text, when neither binary nor too large. */
  text?: string;
  /** Increases with each save; writeFile can refuse a save based on an older version. */
  version: number;
  /** Set for a file Git LFS keeps: the object its pointer names (`size` above is the object's). */
  lfs?: LfsObject;
};

export type DiffLine = { kind: "context" | "add" | "remove"; text: string; oldLine?: number; newLine?: number };
export type DiffHunk = { oldStart: number; oldLines: number; newStart: number; newLines: number; lines: DiffLine[] };
export type FileDiff = {
  path: string;
  kind: ChangeKind;
  binary: boolean;
  hunks: DiffHunk[];
  /** For a notebook (.ipynb) that is text: both versions (null where absent), for the cell-by-cell view. */
  texts?: { before: string | null; after: string | null };
};

export type CommitInfo = {
  oid: string;
  message: string;
  author: Author & { timestamp: number };
  parents: string[];
};

/** Files at or above this size are better kept in large-file storage (Git LFS); hosts such as GitHub refuse them in plain git. */
export const LARGE_FILE_BYTES = 100 * 1024 * 1024;

/** A commit just made, with the files it added or changed that are LARGE_FILE_BYTES or more (a warning, never a refusal). */
export type CommitResult = CommitInfo & { largeFiles: { path: string; size: number }[] };

export type Progress = {
  /** What is happening, in words a person understands ("Receiving objects", "Indexing"). */
  phase: string;
  loaded: number;
  total?: number;
  /** 0 to 100 when the total is known. */
  percent?: number;
};

export type MergeState = {
  /** The commit being merged in (the remote branch's head). */
  theirs: string;
  /** Paths still in conflict (holding conflict markers, or notebooks' conflicting cells). */
  conflicts: string[];
  /** Those of them that are notebooks, settled cell by cell (readNotebookConflicts, resolveNotebookConflict). */
  notebooks: string[];
};

/** One side's version of a conflicting notebook cell, as the resolve dialog shows it. */
export type NotebookCellVersion = {
  cellType: "code" | "markdown" | "raw";
  source: string;
  /** Code cells: the execution count and the outputs in words ("1 image, 2 text", "none"). */
  executionCount?: number | null;
  outputs?: string;
};

/**
 * A notebook conflict to settle with "ours" or "theirs": a cell both sides changed
 * differently (null: that side deleted it), at `cell` (from 1) in the merged notebook,
 * or a key of the notebook's metadata (JSON text; null: that side removed it).
 */
export type NotebookConflictView =
  | { kind: "cell"; cell: number; ours: NotebookCellVersion | null; theirs: NotebookCellVersion | null }
  | { kind: "metadata"; key: string; ours: string | null; theirs: string | null };

export type WorkspaceState = {
  cloned: boolean;
  branch: string;
  /** The commit the working tree is based on. */
  head: string | null;
  /** The remote branch's commit as last fetched. */
  remoteHead: string | null;
  /** Local commits not on the remote branch. */
  unpushed: number;
  /** The remote has commits this copy does not have (known after a fetch). */
  behind: boolean;
  /** Only recent history is here (shallow clone); deepenHistory() fetches the rest. */
  shallow: boolean;
  merging: MergeState | null;
  /** Number of uncommitted changes. */
  changes: number;
};

export type PullResult =
  | { kind: "up-to-date" | "fast-forward" | "merged"; state: WorkspaceState }
  | { kind: "conflicts"; conflicts: string[]; state: WorkspaceState };

export type BranchInfo = { name: string; current: boolean; commit: string; remote: boolean };

/** Largest file the editor opens; larger ones get size and a download link. */
export const MAX_EDITOR_BYTES = 2 * 1024 * 1024;

/** Largest notebook (.ipynb) a session opens: outputs make notebooks far larger than code, and the notebook view renders cells as they come into view. */
export const MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024;

/** The most of a file's text the session reads into an editor. */
export function editorLimitFor(path: string): number {
  return isNotebookPath(path) ? MAX_NOTEBOOK_BYTES : MAX_EDITOR_BYTES;
}
