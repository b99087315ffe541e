import git, { type ReadCommitResult } from "isomorphic-git";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { guard } from "./local-errors";
import type { CommitInfo } from "./types";

/** A commit as the screen shows it. */
export function toCommitInfo({ oid, commit }: ReadCommitResult): CommitInfo {
  return {
    oid,
    message: commit.message,
    author: { name: commit.author.name, email: commit.author.email, timestamp: commit.author.timestamp },
    parents: commit.parent,
  };
}

/**
 * The latest `limit` commits of the current branch, newest first. In a
 * shallow copy the list ends where the downloaded history ends (see
 * deepenHistory); a branch without commits gives an empty list.
 */
export async function listCommits({ ctx, limit }: { ctx: WorkspaceContext; limit: number }): Promise<CommitInfo[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new WorkspaceError("invalid", "Ask for at least one commit (limit must be a positive whole number).");
  return guard("read the history", async () => {
    const { fs, dir, gitdir, cache } = ctx;
    try {
      await git.resolveRef({ fs, dir, gitdir, ref: "HEAD" });
    } catch {
      return [];
    }
    return (await git.log({ fs, dir, gitdir, ref: "HEAD", depth: limit, cache })).map(toCommitInfo);
  });
}
