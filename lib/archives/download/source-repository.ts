import type { Project, User } from "../../db";
import { createBareRepository, fetchIntoRepository, repoPath } from "../../git-server";
import { createGitAdapter } from "../../hosts/create-adapter";
import { remoteOf } from "../../projects";
import type { LfsSource } from "../../lfs-objects";
import { checkCloneHost, remoteCredentialFor } from "../../repositories";
import { hostFetchError, type FetchPurpose } from "./host-fetch-error";
import { createTempFolder } from "./temp-folder";

/**
 * A bare repository to archive from, and what to do once the archive no longer
 * needs it; for a project on a git host, where it came from and the credential
 * (for what git does not fetch itself, such as Git LFS objects).
 */
export type SourceRepository = LfsSource & { release: () => Promise<void> };

/**
 * The repository a download is made from: the project's own bare repository
 * on Benchtop's git server, or, for a project on a git host (external or
 * linked), a temporary bare copy of its branches and tags fetched with the
 * actor's own credential (remoteCredentialFor), which `release` removes.
 */
export async function openSourceRepository({ actor, project, purpose = "download" }: { actor: Pick<User, "id">; project: Project; purpose?: FetchPurpose }): Promise<SourceRepository> {
  const remote = remoteOf(project);
  if (!remote) return { dir: repoPath(project.id), release: async () => {}, remote: null, projectId: project.id };
  const credential = await remoteCredentialFor({ actor, remote });
  const adapter = createGitAdapter({ provider: remote.provider, location: remote.location, token: credential.token, tokenType: credential.tokenType, email: credential.email });
  const url = new URL(adapter.gitRemoteUrl());
  await checkCloneHost(url);
  const temp = await createTempFolder({ purpose: "fetch" });
  try {
    await createBareRepository({ dir: temp.dir, branch: project.defaultBranch });
    // The credential travels in git's environment only (runRemoteGit), never on a command line.
    await fetchIntoRepository({ dir: temp.dir, url: url.toString(), authHeader: adapter.gitAuthHeader() });
  } catch (error) {
    await temp.remove();
    throw hostFetchError({ error, host: url.host, credential, purpose });
  }
  return { dir: temp.dir, release: temp.remove, remote: { url: url.toString(), authHeader: adapter.gitAuthHeader() } };
}
