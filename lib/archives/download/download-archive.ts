import { recordEvent } from "../../audit";
import type { User } from "../../db";
import { AppError } from "../../errors";
import { lfsObjectsOfCommit } from "../../lfs-objects";
import { canRead, type ProjectAccess } from "../../projects";
import { archiveHistory } from "./history-archive";
import { resolveRevision, type Revision } from "./resolve-revision";
import { archiveRevision, archiveRevisionWithLfs } from "./revision-archive";
import type { ArchiveFormat } from "./schema";
import { openSourceRepository } from "./source-repository";
import { streamBody } from "./stream-body";

/** An archive ready to send: its body streams as it is read, and ends (or breaks off) by removing whatever it was made in. */
export type ArchiveDownload = { body: ReadableStream<Uint8Array>; filename: string; contentType: string; commit: string };

const CONTENT_TYPES: Record<ArchiveFormat, string> = { zip: "application/zip", "tar.gz": "application/gzip" };

/** `{project}-{branch or tag, or the commit's first 12 digits}[-history].{zip|tar.gz}`, safe in a header. */
function filenameOf({ project, revision, format, history }: { project: string; revision: Revision; format: ArchiveFormat; history: boolean }): string {
  const label = revision.kind === "commit" ? revision.commit.slice(0, 12) : revision.name.replace(/[^A-Za-z0-9._-]+/g, "-");
  return `${project}-${label}${history ? "-history" : ""}.${format}`;
}

/**
 * A project's files at a branch, tag or commit (`git archive`, byte for byte
 * the same each time), or with `history` the whole repository with `.git`, for
 * any member of the project, on every backend (openSourceRepository). Recorded
 * as `archive.downloaded`. `signal` is the request's: when the client leaves,
 * git stops and the temporary folders go.
 */
export async function downloadArchive({
  access,
  actor,
  ref,
  format,
  history,
  signal,
}: {
  access: ProjectAccess;
  actor: User;
  ref: string;
  format: ArchiveFormat;
  history: boolean;
  signal?: AbortSignal;
}): Promise<ArchiveDownload> {
  const { project } = access;
  if (!canRead(access.role)) throw new AppError("forbidden", "You cannot read this project. Ask its owner for access.");
  const repository = await openSourceRepository({ actor, project });
  let body: ReadableStream<Uint8Array>;
  let revision: Revision;
  try {
    revision = await resolveRevision({ dir: repository.dir, ref, project });
    if (history) {
      const { source, temp } = await archiveHistory({ repository, revision, format, name: project.name });
      // The source repository is not needed once the copy is made.
      await repository.release();
      body = streamBody({ source, onClose: temp.remove, signal });
    } else if ((await lfsObjectsOfCommit({ dir: repository.dir, commit: revision.commit })).length) {
      const { source, temp } = await archiveRevisionWithLfs({ repository, commit: revision.commit, format, prefix: project.name });
      await repository.release();
      body = streamBody({ source, onClose: temp.remove, signal });
    } else {
      const git = archiveRevision({ dir: repository.dir, commit: revision.commit, format, prefix: project.name });
      const onClose = async () => {
        git.kill();
        await repository.release();
      };
      body = streamBody({ source: git.stdout, finished: git.finished, onClose, signal });
    }
  } catch (error) {
    await repository.release();
    throw error;
  }
  recordEvent({ action: "archive.downloaded", actor, project, detail: { ref, commit: revision.commit, format, history } });
  return { body, filename: filenameOf({ project: project.name, revision, format, history }), contentType: CONTENT_TYPES[format], commit: revision.commit };
}
