import path from "node:path";
import { pipeline } from "node:stream/promises";
import { extract } from "tar";
import { runGit, streamGit } from "../../git-server";
import { lfsFilesOf, replacePointers } from "./lfs-files";
import { packFolder } from "./pack-folder";
import type { ArchiveFormat } from "./schema";
import type { SourceRepository } from "./source-repository";
import { createTempFolder, type TempFolder } from "./temp-folder";

/**
 * `git archive` of one commit, its files under `{prefix}/`, as a stream. The
 * same commit always gives the same bytes: git takes every timestamp from the
 * commit, orders entries by path, and its built-in gzip writes no time or name
 * in the gzip header.
 */
export function archiveRevision({ dir, commit, format, prefix }: { dir: string; commit: string; format: ArchiveFormat; prefix: string }) {
  return streamGit({ args: ["archive", `--format=${format}`, `--prefix=${prefix}/`, "--end-of-options", commit], cwd: dir });
}

/**
 * The files of a commit some of which are stored with Git LFS, with their
 * content instead of their pointers: `git archive` unpacked into a temporary
 * folder (removed by the caller with `temp.remove`, or here on failure), the
 * pointers replaced, then packed like a download with history (zip or tar.gz,
 * every entry at the commit's time).
 */
export async function archiveRevisionWithLfs({ repository, commit, format, prefix }: { repository: SourceRepository; commit: string; format: ArchiveFormat; prefix: string }): Promise<{ source: AsyncIterable<Uint8Array>; temp: TempFolder }> {
  const temp = await createTempFolder({ purpose: "files" });
  try {
    const lfs = await lfsFilesOf({ repository, commit, downloadDir: path.join(temp.dir, ".lfs") });
    const git = streamGit({ args: ["archive", "--format=tar", `--prefix=${prefix}/`, "--end-of-options", commit], cwd: repository.dir });
    await Promise.all([pipeline(git.stdout, extract({ cwd: temp.dir })), git.finished()]);
    await replacePointers({ root: path.join(temp.dir, prefix), files: lfs });
    const seconds = Number((await runGit({ args: ["show", "--no-patch", "--format=%ct", commit], cwd: repository.dir })).toString("utf8").trim());
    return { source: packFolder({ cwd: temp.dir, name: prefix, format, mtime: new Date(seconds * 1000) }), temp };
  } catch (error) {
    await temp.remove();
    throw error;
  }
}
