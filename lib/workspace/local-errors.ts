import { toWorkspaceError } from "./classify-error";

/**
 * Runs `work`, letting only WorkspaceErrors out: anything else (isomorphic-git,
 * IndexedDB) is classified, its raw message kept in `cause` only.
 *
 * @param action what is being done, as a verb phrase ("save the file")
 */
export async function guard<T>(action: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toWorkspaceError(error, { action });
  }
}
