import type { Project } from "../db";
import { isAppError } from "../errors";
import { HostError, isHostError, type GitProvider } from "../hosts";
import { copyLfsObjectsFromHost } from "../lfs-objects";
import type { GitCredential } from "./credential-for";
import { lfsCopyRefusal, LFS_COPY_RETRY } from "./lfs-copy-words";

/** The host a copy's history came from, the credential it used there, and the repository's name for messages. */
export type LfsCopySource = { name: string; provider: GitProvider; gitUrl: string; authHeader: string | null; credential: Pick<GitCredential, "source" | "tokenType"> };

/**
 * Brings the Git LFS objects of the history just fetched into `dir` from the
 * host into Benchtop's store for the project being created (copyLfsObjectsFromHost),
 * and answers what the audit event should say of them (nothing when there were none).
 * Only for a project on Benchtop's git server: an external backend's project keeps
 * its files at its own host.
 */
export async function copyLfsObjectsOf({ project, dir, source }: { project: Project; dir: string; source: LfsCopySource }): Promise<Record<string, unknown>> {
  if (project.backend !== "internal") return {};
  let outcome;
  try {
    outcome = await copyLfsObjectsFromHost({
      projectId: project.id,
      dir,
      gitUrl: source.gitUrl,
      authHeader: source.authHeader,
      refused: lfsCopyRefusal(source),
      retry: LFS_COPY_RETRY,
    });
  } catch (error) {
    // The host's refusal or a broken transfer is a failure of the copy, as git's is (notified), not a refusal of the request.
    if (isAppError(error) && !isHostError(error)) throw new HostError("upstream", error.message, { cause: error });
    throw error;
  }
  if (!outcome.objects && !outcome.absentAtHost.length) return {};
  return { lfs: { objects: outcome.objects, bytes: outcome.bytes, ...(outcome.absentAtHost.length ? { absentAtHost: outcome.absentAtHost.slice(0, 20) } : {}) } };
}
