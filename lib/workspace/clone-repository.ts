import git from "isomorphic-git";
import type { ProgressCallback } from "./api";
import { toWorkspaceError } from "./classify-error";
import type { WorkspaceContext } from "./context";
import { WorkspaceError } from "./errors";
import { getState } from "./get-state";
import { CLONED_KEY, isCloned } from "./is-cloned";
import { gitProgress, withDownloadProgress } from "./progress";
import { REMOTE, resolveOptional, setUpstream } from "./remote-branch";
import { removeDirectory } from "./remove-directory";
import type { WorkspaceState } from "./types";

const EMPTY_REMOTE_BRANCH = "main";

/**
 * Downloads the project's repository into this volume: the remote's default
 * branch only, `depth` commits deep (1 by default; deepenHistory() fetches the
 * rest). Nothing is checked out — the working tree is read from the pack and
 * edits go to the overlay — so the cost is the download and its indexing.
 *
 * Refuses (`exists`) when a complete copy is already here. A copy left
 * incomplete by an interrupted clone is removed first, and a failed clone
 * removes what it wrote, so the next attempt starts clean.
 */
export async function cloneRepository({
  ctx,
  depth = 1,
  onProgress,
}: {
  ctx: WorkspaceContext;
  depth?: number;
  onProgress?: ProgressCallback;
}): Promise<WorkspaceState> {
  if (await isCloned({ ctx })) {
    throw new WorkspaceError("exists", "This project is already downloaded in this browser. Open it, or reset the local copy to download it again.");
  }
  const { fs, dir, gitdir, cache } = ctx;
  try {
    await removeDirectory({ fs, path: gitdir });
    await git.clone({
      fs,
      http: withDownloadProgress(ctx.http, onProgress),
      dir,
      gitdir,
      cache,
      url: ctx.url,
      headers: ctx.headers,
      corsProxy: ctx.corsProxy,
      remote: REMOTE,
      ref: undefined, // the remote's HEAD: its default branch
      singleBranch: true,
      noCheckout: true,
      noTags: true,
      depth,
      onProgress: gitProgress(onProgress),
    });
    if (!(await resolveOptional({ ctx, ref: "HEAD" }))) {
      // An empty remote: isomorphic-git leaves HEAD on "master"; new projects use "main".
      await git.writeRef({ fs, dir, gitdir, ref: "HEAD", value: `refs/heads/${EMPTY_REMOTE_BRANCH}`, symbolic: true, force: true });
    }
    const branch = await git.currentBranch({ fs, dir, gitdir, fullname: false });
    if (branch) await setUpstream({ ctx, branch });
    await git.setConfig({ fs, dir, gitdir, path: CLONED_KEY, value: "true" });
  } catch (error) {
    // isomorphic-git's own cleanup relies on a recursive rmdir, which lightning-fs lacks.
    await removeDirectory({ fs, path: gitdir }).catch(() => undefined);
    throw toWorkspaceError(error, { action: "download the project", proxied: Boolean(ctx.corsProxy) });
  }
  return getState({ ctx });
}
