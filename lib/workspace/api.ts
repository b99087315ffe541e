import type { LfsUsage } from "./lfs/budget";
import type { BranchInfo, Change, CommitInfo, CommitResult, FileContent, FileDiff, FileEntry, NotebookConflictView, Progress, PullResult, WorkspaceState } from "./types";

export type ProgressCallback = (progress: Progress) => void;

/**
 * What a session's screen can ask of its git worker. Each method is one
 * workspace operation (lib/workspace/*.ts) run against the project's volume.
 * Failures reject with a WorkspaceError (code + message that says what to do).
 */
export interface WorkspaceApi {
  /** Opens the local copy, cloning it first (shallow) when there is none. */
  open(options: { onProgress?: ProgressCallback }): Promise<WorkspaceState>;
  getState(): Promise<WorkspaceState>;
  /** Fetches the remote branch; `behind` in the answer says whether it moved. */
  fetchRemote(options: { onProgress?: ProgressCallback }): Promise<WorkspaceState>;
  /** Fetches the full history of a shallow copy. */
  deepenHistory(options: { onProgress?: ProgressCallback }): Promise<WorkspaceState>;

  listDirectory(options: { path: string }): Promise<FileEntry[]>;
  /** A file as it is in the working tree; a Git LFS file as its real content, downloaded (with progress) the first time. */
  readFile(options: { path: string; onProgress?: ProgressCallback }): Promise<FileContent>;
  /** The raw bytes of a file as it is in the working tree (as committed: a Git LFS file's pointer). */
  readFileBytes(options: { path: string }): Promise<Uint8Array>;
  /** A file's real content as a Blob (a Git LFS file's object, never held whole in memory), for downloads and previews. */
  readFileBlob(options: { path: string; onProgress?: ProgressCallback }): Promise<Blob>;
  /** How much this browser keeps of the large files (Git LFS), and the budget for the server's. */
  getLfsUsage(): Promise<LfsUsage>;
  /** Removes the copies of large files the server has; those not pushed yet stay. */
  clearLfsCopies(): Promise<LfsUsage>;
  setLfsBudget(options: { bytes: number }): Promise<LfsUsage>;
  /** Adds a file from the person's computer; at a Git LFS path it is streamed into an LFS object (files of any size), else saved as bytes. */
  addFile(options: { path: string; file: Blob; onProgress?: ProgressCallback }): Promise<{ version: number; lfs: boolean }>;
  /** "Track with LFS": adds the pattern to .gitattributes (uncommitted). */
  trackWithLfs(options: { pattern: string }): Promise<{ changed: boolean }>;
  /** Whether .gitattributes gives `path` to Git LFS. */
  checkLfsTracked(options: { path: string }): Promise<boolean>;
  /** Saves a file; with `expectedVersion`, refuses (`conflict`) if it changed since (another tab). */
  writeFile(options: { path: string; content: Uint8Array; expectedVersion?: number }): Promise<{ version: number }>;
  createFolder(options: { path: string }): Promise<void>;
  deletePath(options: { path: string }): Promise<void>;
  movePath(options: { from: string; to: string }): Promise<void>;
  /** Before creating or renaming to `path`: refuses (`invalid_path`) a name git could not check out; answers a path it differs from only by case. */
  inspectNewPath(options: { path: string; movingFrom?: string }): Promise<{ caseTwin: string | null }>;

  getStatus(): Promise<Change[]>;
  diffFile(options: { path: string }): Promise<FileDiff>;
  discardChanges(options: { paths: string[] }): Promise<void>;
  /** Commits the given paths, or every change when `paths` is absent or empty; names the large files it took (see LARGE_FILE_BYTES). */
  commit(options: { message: string; paths?: string[] }): Promise<CommitResult>;
  listCommits(options: { limit: number }): Promise<CommitInfo[]>;
  listCommitChanges(options: { oid: string }): Promise<Change[]>;
  diffCommitFile(options: { oid: string; path: string }): Promise<FileDiff>;

  push(options: { onProgress?: ProgressCallback }): Promise<WorkspaceState>;
  pull(options: { onProgress?: ProgressCallback }): Promise<PullResult>;
  /** Settles one conflicting file: keep ours, take theirs, or keep the edited content as resolved. */
  resolveConflict(options: { path: string; take: "ours" | "theirs" | "edited" }): Promise<void>;
  /** A notebook's conflicts (the merge's `notebooks`), each with our version and theirs, in the order resolveNotebookConflict takes choices. */
  readNotebookConflicts(options: { path: string }): Promise<NotebookConflictView[]>;
  /** Settles a notebook's conflicts cell by cell: one choice per conflict. */
  resolveNotebookConflict(options: { path: string; choices: ("ours" | "theirs")[] }): Promise<void>;
  abortMerge(): Promise<WorkspaceState>;

  listBranches(): Promise<BranchInfo[]>;
  createBranch(options: { name: string }): Promise<void>;
  /** Switches branch. With uncommitted changes: refuses (`dirty`) unless `carryChanges`, and refuses (`conflict`) if they cannot be carried safely. */
  switchBranch(options: { name: string; carryChanges?: boolean }): Promise<WorkspaceState>;
  /** Deletes a branch; refuses (`unpushed`) when it holds commits found nowhere else, unless `force`. */
  deleteBranch(options: { name: string; force?: boolean }): Promise<void>;

  /** Deletes the local copy. Refuses (`unpushed`/`dirty`) while work would be lost, unless `force`. */
  resetLocalCopy(options: { force?: boolean }): Promise<void>;
}
