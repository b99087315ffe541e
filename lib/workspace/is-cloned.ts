import git from "isomorphic-git";
import type { WorkspaceContext } from "./context";

/** Config key written as the last step of a clone; a copy without it is incomplete. */
export const CLONED_KEY = "benchtop.cloned";

/**
 * Whether this volume holds a complete local copy. A clone interrupted by a
 * closed tab leaves a git folder without the mark; cloneRepository clears it.
 */
export async function isCloned({ ctx }: { ctx: WorkspaceContext }): Promise<boolean> {
  try {
    const value: unknown = await git.getConfig({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, path: CLONED_KEY });
    return value === true || value === "true";
  } catch {
    return false;
  }
}
