/**
 * Everything a workspace operation can fail with, each with words that say what
 * to do. `code` is stable; the UI may pick its own wording from it.
 */
export type WorkspaceErrorCode =
  | "offline" // the server could not be reached
  | "unauthorized" // the session expired (HTTP 401)
  | "forbidden" // no permission, e.g. a viewer pushing (HTTP 403)
  | "not_found" // repository, file or branch does not exist
  | "push_rejected" // the remote moved: pull first
  | "quota_exceeded" // browser storage is full
  | "dirty" // uncommitted changes are in the way
  | "unpushed" // unpushed commits are in the way
  | "conflict" // a merge left conflicts, or a file changed elsewhere
  | "merging" // a merge is in progress
  | "invalid" // bad input (a path, a branch name)
  | "invalid_path" // a name git could not check out on common systems (too long, .git, control characters)
  | "exists" // the file, folder or branch already exists
  | "upstream" // the server answered with an error
  | "unknown";

export class WorkspaceError extends Error {
  readonly code: WorkspaceErrorCode;
  /** Paths involved, when there are any (dirty files, conflicts). */
  readonly paths?: string[];

  constructor(code: WorkspaceErrorCode, message: string, options: { paths?: string[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "WorkspaceError";
    this.code = code;
    this.paths = options.paths;
  }
}

export function isWorkspaceError(error: unknown): error is WorkspaceError {
  return error instanceof WorkspaceError || (typeof error === "object" && error !== null && (error as { name?: string }).name === "WorkspaceError");
}
