import { runGit } from "../git-server";
import { MAX_POINTER_BYTES } from "../lfs-pointers";
import { readLfsPointers, type CommitLfsObject } from "./read-pointers";

export type { CommitLfsObject } from "./read-pointers";

/**
 * The Git LFS objects the files of `commit` in the repository `dir` stand for:
 * every blob small enough to be a pointer is read and parsed (readLfsPointers).
 */
export async function lfsObjectsOfCommit({ dir, commit }: { dir: string; commit: string }): Promise<CommitLfsObject[]> {
  const listing = (await runGit({ args: ["ls-tree", "-r", "-z", "--long", "--end-of-options", commit], cwd: dir })).toString("utf8");
  const blobs: { id: string; path: string }[] = [];
  for (const record of listing.split("\0")) {
    const tab = record.indexOf("\t");
    if (tab < 0) continue;
    const [, type, id, size] = record.slice(0, tab).trim().split(/\s+/);
    const bytes = Number(size);
    if (type === "blob" && bytes > 0 && bytes <= MAX_POINTER_BYTES) blobs.push({ id: id!, path: record.slice(tab + 1) });
  }
  return readLfsPointers({ dir, blobs });
}
