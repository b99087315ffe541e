import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { MAX_POINTER_BYTES, parseLfsPointer } from "../../lfs-pointers";
import { readBlob, readBlobs, streamBlob, type FoundBlob, type LookedUp } from "./git-objects";

// Files stored with Git LFS are pointers in the commit; the deploy step puts
// their objects beside the deployment's git objects (lfs/objects/, git-lfs's own
// layout in a bare repository). Served and rendered, a pointer stands for its
// object: what is deployed is the real content.

/** Where a deployment's repository keeps an LFS object. */
export function lfsObjectFile(dir: string, oid: string): string {
  return path.join(dir, "lfs", "objects", oid.slice(0, 2), oid.slice(2, 4), oid);
}

function storedSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

/**
 * The lookups with every LFS pointer whose object the deployment holds turned
 * into that object (its size, and where it is). Pointers are small, so only
 * blobs of at most MAX_POINTER_BYTES are read, all in one git process.
 */
export async function withLfsObjects(dir: string, found: LookedUp[]): Promise<LookedUp[]> {
  const small = found.filter((item): item is FoundBlob => item.kind === "blob" && item.size > 0 && item.size <= MAX_POINTER_BYTES);
  if (!small.length) return found;
  const contents = await readBlobs({ dir, ids: small.map((blob) => blob.id) });
  const objects = new Map<FoundBlob, FoundBlob>();
  small.forEach((blob, index) => {
    const pointer = parseLfsPointer(contents[index]!);
    if (!pointer) return;
    const file = lfsObjectFile(dir, pointer.oid);
    if (storedSize(file) === pointer.size) objects.set(blob, { ...blob, size: pointer.size, lfs: { oid: pointer.oid, file } });
  });
  return found.map((item) => (item.kind === "blob" && objects.get(item)) || item);
}

/** A file's bytes: its blob, or the LFS object it stands for. */
export async function readContent({ dir, blob }: { dir: string; blob: FoundBlob }): Promise<Buffer> {
  return blob.lfs ? fs.promises.readFile(blob.lfs.file) : readBlob({ dir, id: blob.id });
}

/** Several files' bytes, in the order asked. */
export async function readContents({ dir, blobs }: { dir: string; blobs: FoundBlob[] }): Promise<Buffer[]> {
  const fromGit = await readBlobs({ dir, ids: blobs.filter((blob) => !blob.lfs).map((blob) => blob.id) });
  let next = 0;
  return Promise.all(blobs.map((blob) => (blob.lfs ? fs.promises.readFile(blob.lfs.file) : Promise.resolve(fromGit[next++]!))));
}

/** A file as a stream, for files too large to hold. */
export function streamContent({ dir, blob }: { dir: string; blob: FoundBlob }): Readable {
  return blob.lfs ? fs.createReadStream(blob.lfs.file) : streamBlob({ dir, id: blob.id });
}

/** A file's entity tag: its blob's id, or its LFS object's. */
export const contentTag = (blob: FoundBlob) => `"${blob.lfs?.oid ?? blob.id}"`;
