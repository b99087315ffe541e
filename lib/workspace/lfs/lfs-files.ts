import { MAX_POINTER_BYTES, parseLfsPointer, type LfsObject } from "../../lfs-pointers";
import type { ProgressCallback } from "../api";
import type { WorkspaceContext } from "../context";
import { WorkspaceError } from "../errors";
import { ancestorsOf, joinPath } from "../paths";
import { toProgress } from "../progress";
import { findFile, readWorkingBytes, type WorkingTree } from "../working-tree";
import { chooseEvictions } from "./budget";
import { filterFor, parseFilterRules, type FilterRule } from "./gitattributes";
import { downloadObject, objectAnswer, requestBatch } from "./lfs-api";
import { lfsEndpoint } from "./lfs-endpoint";
import type { LfsObjectStore } from "./object-store";
import { createSha256 } from "./sha256";

const REPORT_EVERY_BYTES = 1024 * 1024;

/** The `filter` rules of the working tree's .gitattributes files that apply to `path` (the top one first). */
async function filterRulesFor(tree: WorkingTree, path: string): Promise<FilterRule[]> {
  const rules: FilterRule[] = [];
  for (const folder of ["", ...ancestorsOf(path)]) {
    const file = await findFile(tree, joinPath(folder, ".gitattributes"));
    if (file) rules.push(...parseFilterRules(new TextDecoder().decode(await readWorkingBytes(tree, file)), folder));
  }
  return rules;
}

/** Whether `.gitattributes` (as in the working tree, edits included) gives `path` to Git LFS (`filter=lfs`). */
export async function isLfsTracked(tree: WorkingTree, path: string): Promise<boolean> {
  return filterFor(await filterRulesFor(tree, path), path) === "lfs";
}

/** The LFS object a file's bytes stand for: a pointer at a path .gitattributes gives to LFS; else null. */
export async function lfsObjectIn(tree: WorkingTree, path: string, bytes: Uint8Array): Promise<LfsObject | null> {
  const object = bytes.byteLength <= MAX_POINTER_BYTES ? parseLfsPointer(bytes) : null;
  return object && (await isLfsTracked(tree, path)) ? object : null;
}

export function requireLfsStore(ctx: WorkspaceContext): LfsObjectStore {
  if (!ctx.lfs) throw new WorkspaceError("invalid", "This session keeps no large files (Git LFS). Reload the page.");
  return ctx.lfs;
}

/** Removes cached objects, least recently used first, until the unpinned ones fit in the budget; never `keep`. */
export async function evictToBudget(store: LfsObjectStore, keep?: string): Promise<void> {
  for (const oid of chooseEvictions(await store.list(), await store.getBudget(), keep)) await store.delete(oid);
}

/**
 * The content of an LFS object as a Blob: from this browser's copy when it has
 * one, else downloaded through the batch API with progress, checked against
 * its size and SHA-256, and kept for offline use within the budget.
 */
export async function fetchLfsObject({ ctx, object, path, onProgress }: { ctx: WorkspaceContext; object: LfsObject; path: string; onProgress?: ProgressCallback }): Promise<Blob> {
  const store = requireLfsStore(ctx);
  const kept = await store.get(object.oid);
  if (kept) {
    await store.update(object.oid, { usedAt: Date.now() });
    return kept.blob;
  }
  const what = `download ${path} from large-file storage (Git LFS)`;
  onProgress?.(toProgress({ phase: "Downloading", loaded: 0, total: object.size }));
  const answer = objectAnswer(await requestBatch({ endpoint: lfsEndpoint(ctx), operation: "download", objects: [object] }), object.oid, path);
  const download = answer.actions?.download;
  if (!download) throw new WorkspaceError("upstream", `${path}: the server offered no download for this large file. Try again later.`);

  // Pieces become Blobs as they come, so the browser can keep them out of memory.
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let loaded = 0;
  let reported = 0;
  const hash = createSha256();
  const flush = () => {
    if (pending.length) parts.push(new Blob(pending as Uint8Array<ArrayBuffer>[]));
    pending = [];
    pendingBytes = 0;
  };
  await downloadObject({
    action: download,
    what,
    onChunk: (chunk) => {
      hash.update(chunk);
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      loaded += chunk.byteLength;
      if (pendingBytes >= 4 * REPORT_EVERY_BYTES) flush();
      if (loaded - reported >= REPORT_EVERY_BYTES) {
        reported = loaded;
        onProgress?.(toProgress({ phase: "Downloading", loaded, total: object.size }));
      }
    },
  });
  flush();
  if (loaded !== object.size || hash.hex() !== object.oid) {
    throw new WorkspaceError("upstream", `${path}: the large file's content from the server does not match its pointer (${loaded} of ${object.size} bytes, or another SHA-256). Try again; if it keeps happening, the object on the server is damaged.`);
  }
  const blob = new Blob(parts);
  await store.put({ oid: object.oid, size: object.size, blob, pinned: false, usedAt: Date.now() });
  await evictToBudget(store, object.oid);
  return blob;
}
