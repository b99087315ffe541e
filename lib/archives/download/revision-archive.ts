import { streamGit } from "../../git-server";
import type { ArchiveFormat } from "./schema";

/**
 * `git archive` of one commit, its files under `{prefix}/`, as a stream. The
 * same commit always gives the same bytes: git takes every timestamp from the
 * commit, orders entries by path, and its built-in gzip writes no time or name
 * in the gzip header.
 */
export function archiveRevision({ dir, commit, format, prefix }: { dir: string; commit: string; format: ArchiveFormat; prefix: string }) {
  return streamGit({ args: ["archive", `--format=${format}`, `--prefix=${prefix}/`, "--end-of-options", commit], cwd: dir });
}
