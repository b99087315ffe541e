import { runGit } from "../git-server";
import { MAX_POINTER_BYTES, parseLfsPointer, type LfsObject } from "../lfs-pointers";

/** An LFS object a commit's files stand for, with the paths that name it. */
export type CommitLfsObject = LfsObject & { paths: string[] };

/**
 * The Git LFS objects the files of `commit` in the repository `dir` stand for:
 * every blob small enough to be a pointer is read (one `git cat-file --batch`)
 * and parsed; pointers to one object are listed once, with all their paths.
 */
export async function lfsObjectsOfCommit({ dir, commit }: { dir: string; commit: string }): Promise<CommitLfsObject[]> {
  const listing = (await runGit({ args: ["ls-tree", "-r", "-z", "--long", "--end-of-options", commit], cwd: dir })).toString("utf8");
  const candidates: { id: string; path: string }[] = [];
  for (const record of listing.split("\0")) {
    const tab = record.indexOf("\t");
    if (tab < 0) continue;
    const [, type, id, size] = record.slice(0, tab).trim().split(/\s+/);
    const bytes = Number(size);
    if (type === "blob" && bytes > 0 && bytes <= MAX_POINTER_BYTES) candidates.push({ id: id!, path: record.slice(tab + 1) });
  }
  if (!candidates.length) return [];
  const ids = [...new Set(candidates.map((candidate) => candidate.id))];
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
  for (const { id, path } of candidates) {
    const pointer = pointers.get(id);
    if (!pointer) continue;
    const known = objects.get(pointer.oid) ?? { ...pointer, paths: [] };
    known.paths.push(path);
    objects.set(pointer.oid, known);
  }
  return [...objects.values()];
}
