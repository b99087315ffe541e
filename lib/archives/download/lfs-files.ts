import fs from "node:fs/promises";
import path from "node:path";
import { lfsContentOfCommit, type LfsFile } from "../../lfs-objects";
import type { SourceRepository } from "./source-repository";

/**
 * The content of every file of `commit` stored with Git LFS (lfsContentOfCommit),
 * downloaded into `downloadDir` for a project on a git host. An archive of
 * pointers would not be the project's files, so content that is nowhere is refused.
 */
export function lfsFilesOf({ repository, commit, downloadDir }: { repository: SourceRepository; commit: string; downloadDir: string }): Promise<LfsFile[]> {
  return lfsContentOfCommit({ source: repository, commit, downloadPlace: (oid) => path.join(downloadDir, oid), retry: "download again" });
}

/** Puts each LFS file's content in place of its pointer under `root` (the files of the commit). */
export async function replacePointers({ root, files }: { root: string; files: LfsFile[] }): Promise<void> {
  for (const lfs of files) for (const name of lfs.paths) await fs.copyFile(lfs.file, path.join(root, name));
}

/** Keeps the objects in a clone's `.git/lfs/objects` too, where git lfs looks for them (a download with history is a clone). */
export async function keepInClone({ gitDir, files }: { gitDir: string; files: LfsFile[] }): Promise<void> {
  for (const lfs of files) {
    const place = path.join(gitDir, "lfs", "objects", lfs.oid.slice(0, 2), lfs.oid.slice(2, 4), lfs.oid);
    await fs.mkdir(path.dirname(place), { recursive: true });
    await fs.copyFile(lfs.file, place);
  }
}
