import { proxy } from "comlink";
import type { WorkspaceApi } from "../api";
import type { WorkspaceContext } from "../context";
import * as ops from "../index";
import type { Progress } from "../types";

/**
 * `shared` reads and `exclusive` writes hold the project's lock. `fetch` (the
 * background fetch) holds only the network lock: it adds packs and moves
 * remote-tracking refs, which nothing else writes, so opening files and saving
 * never wait for the network. `network` writes hold both locks, in that order.
 */
type LockMode = "shared" | "exclusive" | "fetch" | "network";

/**
 * Binds the workspace operations to one volume. Every call holds the project's
 * Web Lock (reads shared, writes exclusive), so two tabs on one project never
 * interleave a commit with a save; after a write the other tabs are told.
 * Failures leave as plain `{ name, code, message, paths }` objects, because
 * Comlink keeps only the message of a thrown Error.
 */
export function createWorkspaceApi({
  ctx,
  lockName,
  channelName,
  flush,
}: {
  ctx: WorkspaceContext;
  lockName: string;
  channelName: string;
  /** Persists what the file system still holds in memory (lightning-fs saves its index lazily). */
  flush: () => Promise<void>;
}) {
  const channel = new BroadcastChannel(channelName);

  const networkLock = `${lockName}:network`;
  const locked = <T>(name: string, mode: "shared" | "exclusive", work: () => Promise<T>) => navigator.locks.request(name, { mode }, work) as Promise<T>;

  async function run<T>(mode: LockMode, action: string, work: () => Promise<T>, changed?: string[]): Promise<T> {
    const writes = mode !== "shared";
    const persisted = async () => {
      const value = await work();
      // Written before the lock is released: a reload or another tab must find it on disk.
      if (writes) await flush();
      return value;
    };
    try {
      const result =
        mode === "shared" || mode === "exclusive"
          ? await locked(lockName, mode, persisted)
          : mode === "fetch"
            ? await locked(networkLock, "exclusive", persisted)
            : await locked(lockName, "exclusive", () => locked(networkLock, "exclusive", persisted));
      if (writes) channel.postMessage({ type: "changed", paths: changed });
      return result;
    } catch (error) {
      const failure = ops.toWorkspaceError(error, { action, proxied: Boolean(ctx.corsProxy) });
      // Unexpected failures keep their details in the console for whoever debugs them.
      if (failure.code === "unknown") console.error(`Benchtop workspace: could not ${action}:`, error);
      // Comlink sends a thrown non-Error value as it is: code and paths survive.
      throw { name: "WorkspaceError", code: failure.code, message: failure.message, paths: failure.paths };
    }
  }

  // Progress reports are fire-and-forget: awaiting each postMessage would slow the clone.
  const report = (onProgress?: (p: Progress) => void) => (progress: Progress) => {
    void onProgress?.(progress);
  };

  const api: WorkspaceApi = {
    open: ({ onProgress }) =>
      run("network", "open the session", async () => {
        if (!(await ops.isCloned({ ctx }))) await ops.cloneRepository({ ctx, onProgress: report(onProgress) });
        return ops.getState({ ctx });
      }),
    getState: () => run("shared", "read the session state", () => ops.getState({ ctx })),
    fetchRemote: ({ onProgress }) => run("fetch", "fetch", () => ops.fetchRemote({ ctx, onProgress: report(onProgress) })),
    deepenHistory: ({ onProgress }) => run("network", "fetch the full history", () => ops.deepenHistory({ ctx, onProgress: report(onProgress) })),

    listDirectory: ({ path }) => run("shared", "list the folder", () => ops.listDirectory({ ctx, path })),
    // Options with a progress callback come proxied whole (see the session's progressOptions): await each value.
    readFile: ({ path, onProgress }) => run("shared", "open the file", async () => ops.readFile({ ctx, path: await path, onProgress: report(onProgress) })),
    readFileBytes: ({ path }) => run("shared", "read the file", () => ops.readFileBytes({ ctx, path })),
    readFileBlob: ({ path, onProgress }) => run("shared", "read the file", async () => ops.readFileBlob({ ctx, path: await path, onProgress: report(onProgress) })),
    getLfsUsage: () => run("shared", "read the large-file storage", () => ops.getLfsUsage({ ctx })),
    clearLfsCopies: () => run("exclusive", "clear the large-file storage", () => ops.clearLfsCopies({ ctx })),
    addFile: ({ path, file, onProgress }) =>
      run("exclusive", "add the file", async () => ops.addFile({ ctx, path: await path, file: await file, onProgress: report(onProgress) }), undefined),
    trackWithLfs: ({ pattern }) => run("exclusive", "track the files with Git LFS", () => ops.trackWithLfs({ ctx, pattern }), [".gitattributes"]),
    checkLfsTracked: ({ path }) => run("shared", "read .gitattributes", () => ops.checkLfsTracked({ ctx, path })),
    setLfsBudget: ({ bytes }) => run("exclusive", "change the large-file storage", () => ops.setLfsBudget({ ctx, bytes })),
    writeFile: ({ path, content, expectedVersion }) => run("exclusive", "save the file", () => ops.writeFile({ ctx, path, content, expectedVersion }), [path]),
    createFolder: ({ path }) => run("exclusive", "create the folder", () => ops.createFolder({ ctx, path }), [path]),
    deletePath: ({ path }) => run("exclusive", "delete", () => ops.deletePath({ ctx, path }), [path]),
    movePath: ({ from, to }) => run("exclusive", "move", () => ops.movePath({ ctx, from, to }), [from, to]),
    inspectNewPath: ({ path, movingFrom }) => run("shared", "check the name", () => ops.inspectNewPath({ ctx, path, movingFrom })),

    getStatus: () => run("shared", "list changes", () => ops.getStatus({ ctx })),
    diffFile: ({ path }) => run("shared", "compare the file", () => ops.diffFile({ ctx, path })),
    discardChanges: ({ paths }) => run("exclusive", "discard changes", () => ops.discardChanges({ ctx, paths }), paths),
    commit: ({ message, paths }) => run("exclusive", "commit", () => ops.commitChanges({ ctx, message, paths })),
    listCommits: ({ limit }) => run("shared", "read the history", () => ops.listCommits({ ctx, limit })),
    listCommitChanges: ({ oid }) => run("shared", "read the commit", () => ops.listCommitChanges({ ctx, oid })),
    diffCommitFile: ({ oid, path }) => run("shared", "read the commit", () => ops.diffCommitFile({ ctx, oid, path })),

    push: ({ onProgress }) => run("network", "push", () => ops.pushBranch({ ctx, onProgress: report(onProgress) })),
    pull: ({ onProgress }) => run("network", "pull", () => ops.pullBranch({ ctx, onProgress: report(onProgress) })),
    resolveConflict: ({ path, take }) => run("exclusive", "resolve the conflict", () => ops.resolveConflict({ ctx, path, take }), [path]),
    readNotebookConflicts: ({ path }) => run("shared", "read the notebook's conflicts", () => ops.readNotebookConflicts({ ctx, path })),
    resolveNotebookConflict: ({ path, choices }) => run("exclusive", "resolve the conflict", () => ops.resolveNotebookConflict({ ctx, path, choices }), [path]),
    abortMerge: () => run("exclusive", "abort the merge", () => ops.abortMerge({ ctx })),

    listBranches: () => run("shared", "list branches", () => ops.listBranches({ ctx })),
    createBranch: ({ name }) => run("exclusive", "create the branch", () => ops.createBranch({ ctx, name })),
    switchBranch: ({ name, carryChanges }) => run("exclusive", "switch branch", () => ops.switchBranch({ ctx, name, carryChanges })),
    deleteBranch: ({ name, force }) => run("exclusive", "delete the branch", () => ops.deleteBranch({ ctx, name, force })),

    resetLocalCopy: ({ force }) =>
      run("network", "reset the local copy", async () => {
        await ops.resetLocalCopy({ ctx, force });
        // Objects of the removed copy must not be served from the cache.
        ctx.cache = {};
      }),
  };
  return proxy(api);
}
