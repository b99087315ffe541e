import { formatLfsPointer, type LfsObject } from "../../lfs-pointers";
import type { ProgressCallback } from "../api";
import type { WorkspaceContext } from "../context";
import { toProgress } from "../progress";
import { requireLfsStore } from "./lfs-files";
import { createSha256 } from "./sha256";

/** How much of a file is read at once while hashing: memory stays at about this, whatever the file's size. */
export const HASH_CHUNK_BYTES = 8 * 1024 * 1024;

/** The SHA-256 of a Blob (a File from the person's disk too), read a piece at a time. */
export async function hashBlob(blob: Blob, onProgress?: ProgressCallback): Promise<LfsObject> {
  const hash = createSha256();
  for (let at = 0; at < blob.size; at += HASH_CHUNK_BYTES) {
    hash.update(new Uint8Array(await blob.slice(at, at + HASH_CHUNK_BYTES).arrayBuffer()));
    onProgress?.(toProgress({ phase: "Reading", loaded: Math.min(blob.size, at + HASH_CHUNK_BYTES), total: blob.size }));
  }
  return { oid: hash.hex(), size: blob.size };
}

/**
 * Keeps content as a Git LFS object in this browser, pinned until it is pushed
 * (its only copy is here), and answers the pointer file to save in its place.
 * Content the store already holds is not stored twice.
 */
export async function keepLfsContent({ ctx, blob, onProgress }: { ctx: WorkspaceContext; blob: Blob; onProgress?: ProgressCallback }): Promise<Uint8Array> {
  const store = requireLfsStore(ctx);
  const object = await hashBlob(blob, onProgress);
  const kept = await store.get(object.oid);
  // Already here: downloaded (the server has it) or made earlier (still pinned).
  if (kept) await store.update(object.oid, { usedAt: Date.now() });
  else await store.put({ ...object, blob, pinned: true, usedAt: Date.now() });
  return new TextEncoder().encode(formatLfsPointer(object));
}
