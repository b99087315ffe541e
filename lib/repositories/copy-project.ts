import { recordEvent } from "../audit";
import { copyLfsObjectRefs, type Project, type User } from "../db";
import { AppError, isAppError } from "../errors";
import { createBareRepository, fetchIntoRepository, repoPath } from "../git-server";
import { gitUrlOfLocation, HostError } from "../hosts";
import { createGitAdapter } from "../hosts/create-adapter";
import { createProject, notifyFailure, remoteOf, type CreateProjectInput, type ProjectAccess } from "../projects";
import { checkCloneHost } from "./check-clone-host";
import { copyLfsObjectsOf, type LfsCopySource } from "./copy-lfs-objects";
import { remoteCredentialFor } from "./credential-for";

/**
 * Where the copy's history is fetched from: the git URL (or, on Benchtop's own
 * server, the bare repository's folder) and the Authorization header; for a
 * host, what its Git LFS files are copied with (copyLfsObjectsOf).
 */
type CopySource = { url: string; authHeader: string | null; where: string; lfs: LfsCopySource | null };

/**
 * A project's repository as the actor reads it: Benchtop's own bare repository,
 * or the host's repository with the actor's own credential there (never the
 * owner's token or the organization's service account). Without one, the copy
 * is refused before anything is made.
 */
async function copySourceOf({ project, actor }: { project: Project; actor: Pick<User, "id"> }): Promise<CopySource> {
  const remote = remoteOf(project);
  if (!remote) return { url: repoPath(project.id), authHeader: null, where: "Benchtop's git server", lfs: null };
  const gitUrl = gitUrlOfLocation(remote);
  if (!gitUrl) throw new AppError("internal", `${project.name} has no git address at its host. Ask an administrator to check the project.`);
  const url = new URL(gitUrl);
  const credential = await remoteCredentialFor({ actor, remote });
  if (!credential.token) {
    throw new AppError(
      "connection_required",
      `${project.name} lives at ${url.host}, and Benchtop reads it there as you. Connect your account at ${url.host} under Settings, Connections (or ask the owner to add you there), then copy it again.`,
    );
  }
  await checkCloneHost(url);
  const adapter = createGitAdapter({ provider: remote.provider, location: remote.location, token: credential.token, tokenType: credential.tokenType, email: credential.email });
  const authHeader = adapter.gitAuthHeader();
  return { url: url.toString(), authHeader, where: url.host, lfs: { name: project.name, provider: remote.provider, gitUrl: url.toString(), authHeader, credential } };
}

/**
 * Creates a project of the actor's holding a copy of a project they may read
 * (a viewer's way to work on it), with its whole history: every branch and
 * tag, fetched with the real git client, and the source's default branch. The
 * copy goes where new projects go (createProject: Benchtop's git server, or the
 * organization of an external backend), and appears only once it is whole.
 * Audited on the source: `project.copied`, or `operation.failed` with the
 * reason when nothing could be made (a name already taken is only the form's).
 * The caller has loaded the source as the actor (loadProject: any role reads).
 */
export async function copyProject({ access, input, actor }: { access: ProjectAccess; input: CreateProjectInput; actor: User }): Promise<Project> {
  const { project: source } = access;
  try {
    const from = await copySourceOf({ project: source, actor });
    const copy = await createProject({
      input,
      owner: actor,
      initialize: async ({ project, dir }) => {
        await createBareRepository({ dir, branch: source.defaultBranch });
        try {
          await fetchIntoRepository({ dir, url: from.url, authHeader: from.authHeader });
        } catch (error) {
          // git's own words stay in the server log; the person gets what to do.
          console.error(`Copying project ${source.id} failed:`, (error as Error).message);
          throw new HostError("upstream", `Copying ${source.name} from ${from.where} failed: the transfer was refused or broke off. Check that you can still open ${source.name}, then try again.`, { cause: error });
        }
        // The copy shares the source's Git LFS objects on Benchtop's git server (each kept until no project refers to it),
        // or fetches those of a source at a host into Benchtop's store. Written while the copy is still being created:
        // a copy that never becomes ready takes its references with it.
        let lfs = {};
        if (from.lfs) lfs = await copyLfsObjectsOf({ project, dir, source: from.lfs });
        else if (project.backend === "internal") copyLfsObjectRefs({ fromProjectId: source.id, toProjectId: project.id });
        return { defaultBranch: source.defaultBranch, detail: { copiedFrom: { projectId: source.id, name: source.name }, ...lfs } };
      },
    });
    recordEvent({ action: "project.copied", actor, project: source, detail: { projectId: copy.id, name: copy.name, owner: actor.handle } });
    return copy;
  } catch (error) {
    // A refused field (a name already taken) is the form's to show, not a failed operation.
    if (!(isAppError(error) && error.fields)) {
      const message = isAppError(error) ? error.message : "The copy could not be made.";
      recordEvent({ action: "operation.failed", actor, project: source, detail: { operation: "copy", message } });
      // The copier is told like anyone whose operation failed; the source is not marked red, since nothing is wrong with it.
      notifyFailure({ user: actor, operation: "copy", message, projectName: input.name });
    }
    throw error;
  }
}
