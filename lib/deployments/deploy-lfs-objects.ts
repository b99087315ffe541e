import fs from "node:fs";
import path from "node:path";
import type { SourceRepository } from "../archives";
import { AppError } from "../errors";
import { downloadLfsObjects, lfsObjectsOfCommit, serverLfsObjectFile, type CommitLfsObject } from "../lfs-objects";
import { storePath } from "./deploy-store";
import type { RunLog } from "./run-log";
import { lfsObjectFile } from "./serve/lfs-content";

const sizeOf = (file: string) => fs.promises.stat(file).then((stat) => stat.size, () => null);

/** Links (or, across file systems, copies) objects of Benchtop's own LFS store into the deployment; answers the oids it does not have. */
async function copyFromServer(objects: CommitLfsObject[], placeOf: (oid: string) => string): Promise<string[]> {
  const missing: string[] = [];
  for (const object of objects) {
    const from = serverLfsObjectFile(object.oid);
    if ((await sizeOf(from)) !== object.size) {
      missing.push(object.oid);
      continue;
    }
    const place = placeOf(object.oid);
    await fs.promises.mkdir(path.dirname(place), { recursive: true });
    await fs.promises.rm(place, { force: true });
    await fs.promises.link(from, place).catch(() => fs.promises.copyFile(from, place));
  }
  return missing;
}

/**
 * Puts the Git LFS objects that the commit's pointer files stand for beside the
 * deployment's git objects, so that it serves the real content: from Benchtop's
 * own LFS store for a project on its git server, else from the git host's LFS
 * API with the credential the commit was fetched with. A file whose content is
 * nowhere to be had fails the deploy (the previous deploy keeps serving) and
 * says which file and what to do.
 */
export async function storeLfsObjects({ deploymentId, commit, source, log }: { deploymentId: string; commit: string; source: SourceRepository; log: RunLog }): Promise<void> {
  const dir = storePath({ deploymentId });
  const objects = await lfsObjectsOfCommit({ dir, commit });
  if (!objects.length) return;
  const placeOf = (oid: string) => lfsObjectFile(dir, oid);
  const needed: CommitLfsObject[] = [];
  for (const object of objects) if ((await sizeOf(placeOf(object.oid))) !== object.size) needed.push(object);
  log.add(`${objects.length} file${objects.length === 1 ? " is" : "s are"} stored with Git LFS; copying ${needed.length} object${needed.length === 1 ? "" : "s"} not kept yet.`);
  const missing = source.remote
    ? await downloadLfsObjects({ gitUrl: source.remote.url, authHeader: source.remote.authHeader, objects: needed, placeOf })
    : await copyFromServer(needed, placeOf);
  if (!missing.length) return;
  const paths = needed.filter((object) => missing.includes(object.oid)).flatMap((object) => object.paths);
  const named = paths.slice(0, 3).join(", ") + (paths.length > 3 ? ` and ${paths.length - 3} more` : "");
  const where = source.remote ? new URL(source.remote.url).host : "Benchtop's git server";
  throw new AppError("conflict", `${named} ${paths.length === 1 ? "is" : "are"} stored with Git LFS, but ${paths.length === 1 ? "its content is" : "their content is"} not on ${where}. Push it with \`git lfs push --all origin\` from a clone that has it, then redeploy.`);
}
