import git from "isomorphic-git";
import type { ProgressCallback } from "./api";
import type { WorkspaceContext } from "./context";
import { gitProgress, withDownloadProgress } from "./progress";

/** The depth native `git fetch --unshallow` asks for: all of history. */
export const FULL_DEPTH = 0x7fffffff;

/** The one remote every local copy has. */
export const REMOTE = "origin";

/** Where the last fetched state of `branch` on the remote is kept. */
export function trackingRef(branch: string): string {
  return `refs/remotes/${REMOTE}/${branch}`;
}

/** The commit a ref points to, or null when the ref does not exist. */
export async function resolveOptional({ ctx, ref }: { ctx: WorkspaceContext; ref: string }): Promise<string | null> {
  try {
    return await git.resolveRef({ fs: ctx.fs, dir: ctx.dir, gitdir: ctx.gitdir, ref });
  } catch {
    return null;
  }
}

/**
 * Fetches one branch from the remote and updates its tracking ref. Returns the
 * remote branch's commit, or null when the remote has no such branch (a branch
 * that was never pushed) or no commits at all.
 *
 * The negotiation names the tracking ref as what we already have: the server
 * knows that commit, so it sends only what is new. Naming the local branch
 * instead (isomorphic-git's default) fails to find common ground as soon as
 * there are unpushed commits, and the server then sends the whole tree again.
 */
export async function fetchBranch({
  ctx,
  branch,
  depth,
  onProgress,
}: {
  ctx: WorkspaceContext;
  branch: string;
  depth?: number;
  onProgress?: ProgressCallback;
}): Promise<string | null> {
  const remoteRef = `refs/heads/${branch}`;
  const tracked = await resolveOptional({ ctx, ref: trackingRef(branch) });
  try {
    const result = await git.fetch({
      fs: ctx.fs,
      http: withDownloadProgress(ctx.http, onProgress),
      dir: ctx.dir,
      gitdir: ctx.gitdir,
      cache: ctx.cache,
      url: ctx.url,
      headers: ctx.headers,
      corsProxy: ctx.corsProxy,
      remote: REMOTE,
      ref: tracked ? trackingRef(branch) : branch,
      remoteRef,
      singleBranch: true,
      tags: false,
      depth,
      onProgress: gitProgress(onProgress),
    });
    return result.fetchHead ?? null;
  } catch (error) {
    const failure = error as { code?: string; data?: { what?: string } };
    // isomorphic-git's way of saying the remote has no such branch.
    if (failure.code === "NotFoundError" && failure.data?.what === remoteRef) return null;
    throw error;
  }
}

/** Records that `branch` pulls from and pushes to the same branch on the remote. */
export async function setUpstream({ ctx, branch }: { ctx: WorkspaceContext; branch: string }): Promise<void> {
  const { fs, dir, gitdir } = ctx;
  const remote = await git.getConfig({ fs, dir, gitdir, path: `branch.${branch}.remote` });
  const merge = await git.getConfig({ fs, dir, gitdir, path: `branch.${branch}.merge` });
  if (remote !== REMOTE) await git.setConfig({ fs, dir, gitdir, path: `branch.${branch}.remote`, value: REMOTE });
  if (merge !== `refs/heads/${branch}`) await git.setConfig({ fs, dir, gitdir, path: `branch.${branch}.merge`, value: `refs/heads/${branch}` });
}
