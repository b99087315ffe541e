import { getRepositoryById, getVcsBackendRow, listHostedProjectsOfMember, type Collaborator, type Project, type Repository, type User, type VcsBackendRow } from "../db";
import { AppError } from "../errors";
import type { GitProvider } from "../hosts";
import { gitProviderOfBackend } from "../vcs/backend-provider";

/** The registered repository a linked project (backend "remote") works on; refuses clearly when it is gone. */
export function linkedRepositoryOf(project: Pick<Project, "name" | "backend" | "repositoryId">): Repository {
  const repository = project.backend === "remote" && project.repositoryId ? getRepositoryById({ id: project.repositoryId }) : undefined;
  if (!repository) {
    throw new AppError("not_found", `${project.name} is linked to a repository that is no longer registered. Ask the project's owner to delete the project, or register the repository again and link a new project.`);
  }
  return repository;
}

/**
 * Where a project's repository lives when it is on a git host: a registered
 * repository it is linked to (whose owner's own token may be used, by its
 * owner only), or the organization's repository of an external backend (reached
 * by every member through their own connection to that host).
 */
export type ProjectRemote =
  | { kind: "linked"; provider: GitProvider; location: string; repository: Repository; backend: null }
  | { kind: "external"; provider: GitProvider; location: string; repository: null; backend: VcsBackendRow };

/** A registered repository as a remote (null for a bucket, which has no git repository). */
export const registeredRemote = (repository: Repository): ProjectRemote | null =>
  repository.provider === "s3" ? null : { kind: "linked", provider: repository.provider, location: repository.location, repository, backend: null };

function externalRemote(project: Pick<Project, "vcsBackendId" | "remoteLocation">, backendOf = (id: string) => getVcsBackendRow({ id })): ProjectRemote | null {
  const backend = project.vcsBackendId ? backendOf(project.vcsBackendId) : undefined;
  if (!backend || !project.remoteLocation) return null;
  return { kind: "external", provider: gitProviderOfBackend(backend), location: project.remoteLocation, repository: null, backend };
}

/** The host repository of a project, or null for one on Benchtop's own git server. */
export function remoteOf(project: Pick<Project, "name" | "backend" | "repositoryId" | "vcsBackendId" | "remoteLocation">): ProjectRemote | null {
  if (project.backend === "internal") return null;
  const remote = project.backend === "external" ? externalRemote(project) : registeredRemote(linkedRepositoryOf(project));
  if (!remote) throw new AppError("internal", `${project.name} has no git repository recorded at its host. Ask an administrator to check the project in the admin console.`);
  return remote;
}

/** The projects on a git host a user may reach (as owner, collaborator or administrator), each with its remote and the user's collaborator role. */
export function listReachableHostedProjects({ user }: { user: Pick<User, "id" | "role"> }): { project: Project; remote: ProjectRemote; collaboratorRole: Collaborator["role"] | null }[] {
  const backends = new Map<string, VcsBackendRow | undefined>();
  const backendOf = (id: string) => (backends.has(id) ? backends.get(id) : backends.set(id, getVcsBackendRow({ id })).get(id));
  return listHostedProjectsOfMember({ user }).flatMap(({ project, repository, collaboratorRole }) => {
    const remote = project.backend === "external" ? externalRemote(project, backendOf) : repository && registeredRemote(repository);
    return remote ? [{ project, remote, collaboratorRole }] : [];
  });
}
