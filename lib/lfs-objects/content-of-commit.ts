import fs from "node:fs/promises";
import { listProjectLfsObjects } from "../db";
import { AppError } from "../errors";
import { downloadLfsObjects } from "./download";
import { lfsObjectsOfCommit, type CommitLfsObject } from "./objects-of-commit";
import { serverLfsObjectFile } from "./server-store";

/** An LFS object a commit's files stand for, and the file holding its content. */
export type LfsFile = CommitLfsObject & { file: string };

/**
 * Where a commit came from: a git host and the credential git used there, or
 * Benchtop's own git server (`remote` null) for the project whose objects
 * (and only those) it may read from the shared store.
 */
export type LfsSource = { dir: string; remote: { url: string; authHeader: string | null } } | { dir: string; remote: null; projectId: string };

const sizeOf = (file: string) => fs.stat(file).then((stat) => stat.size, () => null);

/**
 * The content of every file of `commit` stored with Git LFS: from Benchtop's own
 * LFS store for a repository on its git server, else downloaded from the git
 * host's LFS API (with the credential the commit was fetched with) to
 * `downloadPlace(oid)`, unless the right content is there already. None when the
 * commit has no LFS files. Content that is nowhere to be had is refused with the
 * files it concerns and what to do (`retry`: "redeploy", "download again").
 */
export async function lfsContentOfCommit({ source, commit, downloadPlace, retry }: { source: LfsSource; commit: string; downloadPlace: (oid: string) => string; retry: string }): Promise<LfsFile[]> {
  const objects = await lfsObjectsOfCommit({ dir: source.dir, commit });
  const fileOf = source.remote ? downloadPlace : serverLfsObjectFile;
  // The store is shared by every project: a pointer names any object by its hash, so a
  // project reads only the objects it refers to (pushed or copied to it), never another's.
  const held = source.remote ? null : new Map(listProjectLfsObjects({ projectId: source.projectId, oids: objects.map((object) => object.oid) }).map((object) => [object.oid, object.size]));
  const absent: CommitLfsObject[] = [];
  for (const object of objects) {
    if (held && held.get(object.oid) !== object.size) absent.push(object);
    else if ((await sizeOf(fileOf(object.oid))) !== object.size) absent.push(object);
  }
  const missing = source.remote ? await downloadLfsObjects({ gitUrl: source.remote.url, authHeader: source.remote.authHeader, objects: absent, placeOf: downloadPlace, retry }) : absent.map((object) => object.oid);
  if (missing.length) {
    const paths = objects.filter((object) => missing.includes(object.oid)).flatMap((object) => object.paths);
    const named = paths.slice(0, 3).join(", ") + (paths.length > 3 ? ` and ${paths.length - 3} more` : "");
    const where = source.remote ? new URL(source.remote.url).host : "Benchtop's git server";
    throw new AppError("conflict", `${named} ${paths.length === 1 ? "is" : "are"} stored with Git LFS, but the content is not on ${where}. Push it with \`git lfs push --all origin\` from a clone that has it, then ${retry}.`);
  }
  return objects.map((object) => ({ ...object, file: fileOf(object.oid) }));
}
