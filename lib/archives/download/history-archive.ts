import path from "node:path";
import { runGit } from "../../git-server";
import { packFolder } from "./pack-folder";
import type { Revision } from "./resolve-revision";
import type { ArchiveFormat } from "./schema";
import { createTempFolder, type TempFolder } from "./temp-folder";
import { buildWorkingCopy } from "./working-copy";

/**
 * The whole repository as a person would have it after cloning, packed: a
 * folder `{name}/` with the files of `revision` and `{name}/.git` holding every
 * branch and tag (buildWorkingCopy), which "Upload project" takes back with its
 * history. Made in a temporary folder that the caller removes (`temp.remove`)
 * once the archive has been read or abandoned; removed here when making it fails.
 */
export async function archiveHistory({ sourceDir, revision, format, name }: { sourceDir: string; revision: Revision; format: ArchiveFormat; name: string }): Promise<{ source: AsyncIterable<Uint8Array>; temp: TempFolder }> {
  const temp = await createTempFolder({ purpose: "history" });
  try {
    await buildWorkingCopy({ sourceDir, dir: path.join(temp.dir, name), revision });
    const seconds = Number((await runGit({ args: ["show", "--no-patch", "--format=%ct", revision.commit], cwd: sourceDir })).toString("utf8").trim());
    return { source: packFolder({ cwd: temp.dir, name, format, mtime: new Date(seconds * 1000) }), temp };
  } catch (error) {
    await temp.remove();
    throw error;
  }
}
