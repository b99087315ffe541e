import fs from "node:fs";
import path from "node:path";
import { downloadLfsObjects, type LfsRefusalWords } from "./download";
import { keepObject } from "./keep-object";
import { lfsObjectsOfHistory } from "./objects-of-history";
import { lfsUploadsDir } from "./server-store";

/** What a copy brought of Git LFS: how many objects (and bytes) the project now refers to, and the paths of those the host did not have. */
export type LfsCopyOutcome = { objects: number; bytes: number; absentAtHost: string[] };

/** Where a copy's downloads wait to be kept: DATA_DIR/lfs/tmp/copy-{projectId}, removed afterwards and at start (removeLfsCopyWorkArea). */
const workAreaOf = (projectId: string) => path.join(lfsUploadsDir(), `copy-${projectId}`);

/** Removes what a copy into this project left while downloading (its creation failed, or the server stopped meanwhile). */
export function removeLfsCopyWorkArea(projectId: string): void {
  fs.rmSync(workAreaOf(projectId), { recursive: true, force: true });
}

/**
 * Brings into Benchtop's store every Git LFS object that the history fetched
 * into `dir` (every branch and tag, every commit) stands for, from the git
 * host's LFS API with the credential git used there, and refers the project
 * to each. Objects the store holds already (for other projects) are fetched
 * all the same and stored once: a pointer names content, and only the content
 * itself, hash checked, shows that the copier may have it (a host of their
 * own could claim any object; a pointer alone must never open another
 * project's file). A refusal or a failed transfer throws (worded by `refused`,
 * ending in `retry`), leaving references only to this project, which is still
 * being created: its removal takes them along (removeUnreferencedObjects
 * removes the objects). Objects the host does not have are none of the copy's
 * to invent: their paths are answered, for the record.
 */
export async function copyLfsObjectsFromHost({
  projectId,
  dir,
  gitUrl,
  authHeader,
  refused,
  retry,
}: {
  projectId: string;
  dir: string;
  gitUrl: string;
  authHeader: string | null;
  refused: LfsRefusalWords;
  retry: string;
}): Promise<LfsCopyOutcome> {
  const objects = await lfsObjectsOfHistory({ dir });
  const work = workAreaOf(projectId);
  let absent: Set<string>;
  try {
    absent = new Set(await downloadLfsObjects({
      gitUrl,
      authHeader,
      objects,
      placeOf: (oid) => path.join(work, oid),
      refused,
      retry,
      kept: (object, file) => keepObject({ projectId, oid: object.oid, size: object.size, tempFile: file }),
    }));
  } finally {
    removeLfsCopyWorkArea(projectId);
  }
  const kept = objects.filter((object) => !absent.has(object.oid));
  return { objects: kept.length, bytes: kept.reduce((sum, object) => sum + object.size, 0), absentAtHost: objects.filter((object) => absent.has(object.oid)).flatMap((object) => object.paths) };
}
