import git from "isomorphic-git";
import type { ProgressCallback } from "./api";
import { toWorkspaceError } from "./classify-error";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { getState } from "./get-state";
import { releaseLfsObjects, uploadLfsObjects } from "./lfs/push-lfs-objects";
import { readMerge } from "./merge-state";
import { gitProgress } from "./progress";
import { REMOTE, resolveOptional, setUpstream, trackingRef } from "./remote-branch";
import type { WorkspaceState } from "./types";

/**
 * Pushes the current branch to the same branch on the remote (creating it
 * there if needed) and records it as the branch's upstream. Afterwards
 * `origin/<branch>` is HEAD and `unpushed` is 0.
 *
 * Refuses (`merging`) while a merge is in progress. Nothing local changes when
 * the push fails: a remote that moved gives `push_rejected` (pull, then push
 * again), a viewer gets `forbidden`, and the commits stay here either way.
 * Uncommitted changes are not pushed; commit them first. Git LFS objects made
 * here that the pushed commits point to are uploaded first; when one fails,
 * nothing is pushed (the commits stay) and the error says so.
 */
export async function pushBranch({ ctx, onProgress }: { ctx: WorkspaceContext; onProgress?: ProgressCallback }): Promise<WorkspaceState> {
  if (await readMerge(ctx.overlay)) {
    throw new WorkspaceError("merging", "A merge is in progress. Resolve the conflicts and commit the merge (or abort it), then push.");
  }
  const { fs, dir, gitdir, cache } = ctx;
  // The host's "remote:" lines: a hook's refusal (a protected branch) is only said there.
  let remoteMessages = "";
  try {
    const branch = await git.currentBranch({ fs, dir, gitdir, fullname: false });
    if (!branch) throw new WorkspaceError("invalid", "This copy is not on a branch. Switch to a branch, then push.");
    const head = await resolveOptional({ ctx, ref: "HEAD" });
    if (!head) throw new WorkspaceError("invalid", "There is nothing to push yet. Commit your changes first.");
    if ((await resolveOptional({ ctx, ref: trackingRef(branch) })) !== head) {
      const uploaded = await uploadLfsObjects({ ctx, branch, head, onProgress });
      // isomorphic-git reports nothing while it packs and uploads; say that it started.
      onProgress?.({ phase: "Uploading", loaded: 0 });
      await git.push({
        fs,
        http: ctx.http,
        dir,
        gitdir,
        cache,
        url: ctx.url,
        headers: ctx.headers,
        corsProxy: ctx.corsProxy,
        remote: REMOTE,
        ref: branch,
        remoteRef: `refs/heads/${branch}`,
        onProgress: gitProgress(onProgress),
        onMessage: (message) => {
          if (remoteMessages.length < 4096) remoteMessages += `${message}\n`;
        },
      });
      await releaseLfsObjects(ctx, uploaded);
    }
    await setUpstream({ ctx, branch });
  } catch (error) {
    throw toWorkspaceError(error, { action: "push", proxied: Boolean(ctx.corsProxy), remoteMessages });
  }
  return getState({ ctx });
}
