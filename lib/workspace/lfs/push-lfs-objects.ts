import git from "isomorphic-git";
import { MAX_POINTER_BYTES, parseLfsPointer, type LfsObject } from "../../lfs-pointers";
import type { ProgressCallback } from "../api";
import { compareWithRemote } from "../compare-commits";
import type { WorkspaceContext } from "../context";
import { WorkspaceError, isWorkspaceError } from "../errors";
import { toProgress } from "../progress";
import { evictToBudget } from "./lfs-files";
import { objectAnswer, requestBatch, uploadObject, verifyObject } from "./lfs-api";
import { lfsEndpoint } from "./lfs-endpoint";
import type { LfsObjectRecord } from "./object-store";

/** The pointers that `commit` adds or changes against its first parent (all of them for a root commit). */
async function pointersIn(ctx: WorkspaceContext, commit: string): Promise<Map<string, { object: LfsObject; path: string }>> {
  const { fs, dir, gitdir, cache } = ctx;
  const { commit: info } = await git.readCommit({ fs, dir, gitdir, oid: commit, cache });
  const parent = info.parent[0];
  const found = new Map<string, { object: LfsObject; path: string }>();
  await git.walk({
    fs,
    dir,
    gitdir,
    cache,
    trees: parent ? [git.TREE({ ref: commit }), git.TREE({ ref: parent })] : [git.TREE({ ref: commit })],
    map: async (path, [ours, theirs]) => {
      if (!ours) return undefined;
      const oid = await ours.oid();
      // Unchanged folders are not entered: the walk costs what the commit changed.
      if (theirs && (await theirs.oid()) === oid) return undefined;
      if ((await ours.type()) !== "blob") return true;
      const content = (await ours.content()) ?? new Uint8Array();
      const object = content.byteLength <= MAX_POINTER_BYTES ? parseLfsPointer(content) : null;
      if (object) found.set(object.oid, { object, path });
      return true;
    },
  });
  return found;
}

/** The objects made in this session (pinned) that the commits about to be pushed point to. */
async function objectsToPush(ctx: WorkspaceContext, branch: string, head: string): Promise<{ record: LfsObjectRecord; path: string }[]> {
  const store = ctx.lfs;
  if (!store || !(await store.list()).some((o) => o.pinned)) return [];
  const { aheadCommits } = await compareWithRemote({ ctx, branch, head });
  const wanted = new Map<string, { object: LfsObject; path: string }>();
  for (const commit of aheadCommits) for (const [oid, found] of await pointersIn(ctx, commit)) wanted.set(oid, found);
  const result: { record: LfsObjectRecord; path: string }[] = [];
  for (const { object, path } of wanted.values()) {
    const record = await store.get(object.oid);
    if (record?.pinned) result.push({ record, path });
  }
  return result;
}

/**
 * Before a push: uploads the Git LFS objects made here that the commits about
 * to be pushed point to (batch upload, each transfer, then verify), with
 * progress. Throws a WorkspaceError saying that nothing was pushed when one
 * fails, so the caller pushes nothing; the commits stay. Answers the objects
 * uploaded, to unpin once the push has gone through.
 */
export async function uploadLfsObjects({ ctx, branch, head, onProgress }: { ctx: WorkspaceContext; branch: string; head: string; onProgress?: ProgressCallback }): Promise<string[]> {
  const pending = await objectsToPush(ctx, branch, head);
  if (pending.length === 0) return [];
  const total = pending.reduce((sum, p) => sum + p.record.size, 0);
  const phase = "Uploading large files";
  let done = 0;
  onProgress?.(toProgress({ phase, loaded: 0, total }));
  try {
    const answers = await requestBatch({ endpoint: lfsEndpoint(ctx), operation: "upload", objects: pending.map(({ record }) => ({ oid: record.oid, size: record.size })) });
    for (const { record, path } of pending) {
      const what = `upload ${path} to large-file storage (Git LFS)`;
      const answer = objectAnswer(answers, record.oid, path);
      const upload = answer.actions?.upload;
      // No upload action: the server already holds the object.
      if (upload) {
        await uploadObject({ action: upload, blob: record.blob, what, onSent: (sent) => onProgress?.(toProgress({ phase, loaded: done + sent, total })) });
        const verify = answer.actions?.verify;
        if (verify) await verifyObject({ action: verify, oid: record.oid, size: record.size, what });
      }
      done += record.size;
      onProgress?.(toProgress({ phase, loaded: done, total }));
    }
  } catch (error) {
    const reason = isWorkspaceError(error) ? (error as WorkspaceError).message : "The upload failed.";
    throw new WorkspaceError(isWorkspaceError(error) ? (error as WorkspaceError).code : "upstream", `Nothing was pushed: a large file (Git LFS) could not be uploaded. ${reason} Your commits are kept here; push again to retry.`, { cause: error });
  }
  return pending.map(({ record }) => record.oid);
}

/** After a push: the uploaded objects are on the server now, so their copies here become an evictable cache. */
export async function releaseLfsObjects(ctx: WorkspaceContext, oids: string[]): Promise<void> {
  const store = ctx.lfs;
  if (!store || oids.length === 0) return;
  for (const oid of oids) await store.update(oid, { pinned: false });
  await evictToBudget(store);
}
