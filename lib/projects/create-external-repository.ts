import { connectionTokenFor, connectionToHost } from "../connections";
import { insertRetiredRepository, updateProjectRow, type Project, type User, type VcsBackendRow } from "../db";
import { AppError } from "../errors";
import { pushFromRepository, withStagedRepository } from "../git-server";
import { createGitAdapter } from "../hosts/create-adapter";
import { gitUrlOfLocation } from "../hosts/git-url";
import { gitProviderOfBackend, organizationHostOfRow, renderRepositoryName, repositoryNameProblem } from "../vcs";
import { accountOf } from "./host-access";
import type { RepositoryInitializer, RepositoryOutcome } from "./repository-initializer";

/** The name a project's repository gets in the organization, by the backend's template. */
export function organizationRepositoryName({ backend, project, owner }: { backend: VcsBackendRow; project: Pick<Project, "id" | "name">; owner: Pick<User, "handle"> }): string {
  const name = renderRepositoryName({ type: backend.type, template: backend.repositoryTemplate, values: { owner: owner.handle, id: project.id, name: project.name } });
  const problem = repositoryNameProblem({ type: backend.type, name });
  if (problem) throw new AppError("invalid_input", `${problem} The administrator's repository name template gives it for this project: choose another project name, or ask an administrator to change the template.`, { fields: { name: problem } });
  return name;
}

/**
 * The user's connection to the backend's git host, which creating a project
 * there needs (they push its first commit and work in it as themselves):
 * connection_required, before anything is made, when they have none.
 */
export function requireHostConnection({ user, backend }: { user: Pick<User, "id">; backend: VcsBackendRow }) {
  const connection = connectionToHost({ user, provider: gitProviderOfBackend(backend), host: backend.credentialHostname });
  if (!connection) {
    throw new AppError(
      "connection_required",
      `Projects are kept in ${backend.organization} at ${backend.credentialHostname}. Connect your account at ${backend.credentialHostname} first (Settings → Connections, or Authorize on the New project form), then create the project again. Nothing was created.`,
    );
  }
  return connection;
}

/**
 * Removes a repository a creation made at the host (also after a crash: it may
 * not exist); when the host will not, an administrator is shown it to remove.
 */
export async function removeCreatedRepository({ project, backend, name }: { project: Project; backend: VcsBackendRow; name: string }): Promise<void> {
  try {
    const host = organizationHostOfRow(backend);
    if (await host.findRepository({ name })) await host.deleteRepository({ name });
  } catch (error) {
    insertRetiredRepository({ projectId: project.id, projectName: project.name, location: "external", path: name, vcsBackendId: backend.id, reason: "delete_failed", message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Makes an external project's repository, all or nothing: created empty and
 * private in the organization through the service account, the owner given
 * write access by their own account there, then filled from a repository
 * built out of sight (the README commit, or a copy) and pushed with the
 * owner's own credential, never the service account's. If any step fails the
 * repository is removed at the host again and the failure passed on.
 */
export async function createExternalRepository({
  project,
  owner,
  backend,
  name,
  initialize,
}: {
  project: Project;
  owner: User;
  backend: VcsBackendRow;
  name: string;
  initialize: RepositoryInitializer;
}): Promise<RepositoryOutcome & { remoteLocation: string }> {
  const organization = organizationHostOfRow(backend);
  const created = await organization.createRepository({ name, description: project.description });
  try {
    // Recorded at once: start-up removes only a repository this creation is known to have made.
    updateProjectRow({ id: project.id, changes: { remoteLocation: created.webUrl } });
    const provider = gitProviderOfBackend(backend);
    const gitUrl = gitUrlOfLocation({ provider, location: created.webUrl });
    // Git traffic goes only to the host the admin named, whatever address the API answered with.
    if (!gitUrl || new URL(gitUrl).host !== backend.credentialHostname) {
      throw new AppError("upstream_error", `${backend.credentialHostname} answered with a repository address elsewhere (${created.webUrl}). Ask an administrator to check the backend's URL and credential host name.`);
    }
    const credential = await connectionTokenFor({ user: owner, provider, location: created.webUrl });
    // Checked before anything was made; gone only if it was removed meanwhile.
    if (!credential) throw new AppError("connection_required", `Your connection to ${backend.credentialHostname} was removed while the project was being created. Connect your account again, then create the project again. Nothing was kept.`);
    await organization.grantAccess({ name, account: accountOf(credential.connection), access: "write" });
    const authHeader = createGitAdapter({ provider, location: created.webUrl, token: credential.token, tokenType: credential.tokenType }).gitAuthHeader();
    const outcome = await withStagedRepository({
      projectId: project.id,
      build: (dir) => initialize({ project, dir }),
      then: async (dir, built) => {
        await pushFromRepository({ dir, url: gitUrl, authHeader }).catch((error: Error) => {
          throw new AppError("upstream_error", `${backend.credentialHostname} refused the project's first push with your account (${error.message}). Check that your connection there may write to ${created.fullName}, then create the project again.`, { cause: error });
        });
        return built ?? {};
      },
    });
    return { ...outcome, remoteLocation: created.webUrl, detail: { ...outcome.detail, repository: created.fullName, host: backend.credentialHostname } };
  } catch (error) {
    await removeCreatedRepository({ project, backend, name });
    throw error;
  }
}
