import { runGit } from "../git-server";
import { MAX_POINTER_BYTES } from "../lfs-pointers";
import { readLfsPointers, type CommitLfsObject } from "./read-pointers";

/**
 * The Git LFS objects that any commit of any branch or tag of the repository
 * `dir` stands for (what `git lfs fetch --all` fetches): the blobs small enough
 * to be pointers anywhere in the history (`git rev-list --objects --all`, larger
 * blobs filtered out by git), read and parsed (readLfsPointers), each object
 * once with the paths that named it.
 */
export async function lfsObjectsOfHistory({ dir }: { dir: string }): Promise<CommitLfsObject[]> {
  const listing = (await runGit({ args: ["rev-list", "--objects", "--all", `--filter=blob:limit=${MAX_POINTER_BYTES + 1}`], cwd: dir })).toString("utf8");
  // Each line is an object id and, for trees and blobs, the path it was reached by.
  const named: { id: string; path: string }[] = [];
  for (const line of listing.split("\n")) {
    const space = line.indexOf(" ");
    if (space > 0 && space < line.length - 1) named.push({ id: line.slice(0, space), path: line.slice(space + 1) });
  }
  if (!named.length) return [];
  const kinds = (await runGit({ args: ["cat-file", "--batch-check=%(objecttype) %(objectsize)"], cwd: dir, input: named.map((entry) => `${entry.id}\n`).join("") })).toString("utf8").split("\n");
  const blobs = named.filter((_, index) => {
    const [type, size] = (kinds[index] ?? "").split(" ");
    return type === "blob" && Number(size) > 0;
  });
  return readLfsPointers({ dir, blobs });
}
