import fs from "node:fs/promises";
import path from "node:path";
import type { SourceRepository } from "../archives";
import { lfsContentOfCommit } from "../lfs-objects";
import { storePath } from "./deploy-store";
import type { RunLog } from "./run-log";
import { lfsObjectFile } from "./serve/lfs-content";

/**
 * Puts the Git LFS objects that the commit's pointer files stand for beside the
 * deployment's git objects, so that it serves the real content: linked (or
 * copied) from Benchtop's own LFS store for a project on its git server, else
 * downloaded straight into place from the git host's LFS API. A file whose
 * content is nowhere fails the deploy (the previous deploy keeps serving),
 * naming the file and what to do.
 */
export async function storeLfsObjects({ deploymentId, commit, source, log }: { deploymentId: string; commit: string; source: SourceRepository; log: RunLog }): Promise<void> {
  const dir = storePath({ deploymentId });
  const placeOf = (oid: string) => lfsObjectFile(dir, oid);
  // The commit is read from the deployment's own copy; the objects from where the project keeps them.
  const from = source.remote ? { dir, remote: source.remote } : { dir, remote: null, projectId: source.projectId };
  const files = await lfsContentOfCommit({ source: from, commit, downloadPlace: placeOf, retry: "redeploy" });
  if (!files.length) return;
  for (const lfs of files) {
    const place = placeOf(lfs.oid);
    if (lfs.file === place) continue;
    await fs.mkdir(path.dirname(place), { recursive: true });
    await fs.rm(place, { force: true });
    await fs.link(lfs.file, place).catch(() => fs.copyFile(lfs.file, place));
  }
  log.add(`Placed the content of ${files.length} file${files.length === 1 ? "" : "s"} stored with Git LFS.`);
}
