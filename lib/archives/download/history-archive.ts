import path from "node:path";
import { runGit } from "../../git-server";
import { keepInClone, lfsFilesOf, replacePointers } from "./lfs-files";
import { packFolder } from "./pack-folder";
import type { Revision } from "./resolve-revision";
import type { ArchiveFormat } from "./schema";
import type { SourceRepository } from "./source-repository";
import { createTempFolder, type TempFolder } from "./temp-folder";
import { buildWorkingCopy } from "./working-copy";

/**
 * The whole repository as a person would have it after cloning, packed: a
 * folder `{name}/` with the files of `revision` and `{name}/.git` holding every
 * branch and tag (buildWorkingCopy), which "Upload project" takes back with its
 * history. Files stored with Git LFS are there with their content, their
 * objects in `.git/lfs/objects` as after `git lfs clone`. Made in a temporary
 * folder that the caller removes (`temp.remove`) once the archive has been read
 * or abandoned; removed here when making it fails.
 */
export async function archiveHistory({ repository, revision, format, name }: { repository: SourceRepository; revision: Revision; format: ArchiveFormat; name: string }): Promise<{ source: AsyncIterable<Uint8Array>; temp: TempFolder }> {
  const sourceDir = repository.dir;
  const temp = await createTempFolder({ purpose: "history" });
  try {
    const root = path.join(temp.dir, name);
    const lfs = await lfsFilesOf({ repository, commit: revision.commit, downloadDir: path.join(temp.dir, ".lfs") });
    await buildWorkingCopy({ sourceDir, dir: root, revision });
    await replacePointers({ root, files: lfs });
    await keepInClone({ gitDir: path.join(root, ".git"), files: lfs });
    const seconds = Number((await runGit({ args: ["show", "--no-patch", "--format=%ct", revision.commit], cwd: sourceDir })).toString("utf8").trim());
    return { source: packFolder({ cwd: temp.dir, name, format, mtime: new Date(seconds * 1000) }), temp };
  } catch (error) {
    await temp.remove();
    throw error;
  }
}
