import { runGit } from "../git-server";
import { parseLfsPointer, type LfsObject } from "../lfs-pointers";

/** An LFS object files stand for, with the paths that name it. */
export type CommitLfsObject = LfsObject & { paths: string[] };

/**
 * The LFS objects that blobs of the repository `dir` stand for: each blob
 * (small enough to be a pointer) is read once with one `git cat-file --batch`
 * and parsed; blobs that are not pointers are left out, and pointers to one
 * object are listed once, with all their paths.
 */
export async function readLfsPointers({ dir, blobs }: { dir: string; blobs: { id: string; path: string }[] }): Promise<CommitLfsObject[]> {
  if (!blobs.length) return [];
  const ids = [...new Set(blobs.map((blob) => blob.id))];
  const out = await runGit({ args: ["cat-file", "--batch"], cwd: dir, input: ids.map((id) => `${id}\n`).join("") });
  const pointers = new Map<string, LfsObject>();
  let offset = 0;
  for (const id of ids) {
    const end = out.indexOf(0x0a, offset);
    const size = Number(out.subarray(offset, end).toString("utf8").split(" ")[2]);
    const pointer = parseLfsPointer(out.subarray(end + 1, end + 1 + size));
    if (pointer) pointers.set(id, pointer);
    offset = end + 1 + size + 1;
  }
  const objects = new Map<string, CommitLfsObject>();
  for (const { id, path } of blobs) {
    const pointer = pointers.get(id);
    if (!pointer) continue;
    const known = objects.get(pointer.oid) ?? { ...pointer, paths: [] };
    if (!known.paths.includes(path)) known.paths.push(path);
    objects.set(pointer.oid, known);
  }
  return [...objects.values()];
}
