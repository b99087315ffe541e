import { connectionToHost } from "../connections";
import type { Connection, Project, User, VcsBackendRow } from "../db";
import { gitProviderOfBackend, organizationHostOfRow } from "../vcs";
import { remoteOf } from "./project-remote";

/** What a Benchtop role gives at the host: owners and editors push, viewers read. */
export type HostAccess = "read" | "write";
export const hostAccessOfRole = (role: "owner" | "editor" | "viewer"): HostAccess => (role === "viewer" ? "read" : "write");

/**
 * A user's connection to an external backend's git host (of that host's
 * provider), whose account is the one given access there; undefined while they
 * have not connected ("waiting to connect").
 */
export function hostConnectionOf({ user, backend }: { user: Pick<User, "id">; backend: Pick<VcsBackendRow, "type" | "credentialHostname"> }): Connection | undefined {
  return connectionToHost({ user, provider: gitProviderOfBackend(backend), host: backend.credentialHostname });
}

/** The account a connection stands for at its host: its login, and its id where the host grants by id (Bitbucket Cloud). */
export const accountOf = (connection: Pick<Connection, "login" | "accountId">) => ({ login: connection.login, id: connection.accountId });

/** The external backend and repository name of a project whose repository is in an organization, else null. */
function organizationRepositoryOf(project: Project): { backend: VcsBackendRow; name: string } | null {
  const remote = remoteOf(project);
  return remote?.kind === "external" && project.remoteName ? { backend: remote.backend, name: project.remoteName } : null;
}

/**
 * Gives a member access to a project's repository in the organization, by the
 * account of their connection to the host, through the service account.
 * "waiting" when they have not connected yet (they are given access when they
 * connect); "not_external" for projects elsewhere. Throws the host's HostError.
 */
export async function grantHostAccess({ project, user, access }: { project: Project; user: Pick<User, "id">; access: HostAccess }): Promise<"granted" | "waiting" | "not_external"> {
  const repository = organizationRepositoryOf(project);
  if (!repository) return "not_external";
  const connection = hostConnectionOf({ user, backend: repository.backend });
  if (!connection) return "waiting";
  await organizationHostOfRow(repository.backend).grantAccess({ name: repository.name, account: accountOf(connection), access });
  return "granted";
}

/** Withdraws a member's access at the host (nothing to do when they never connected, or for projects elsewhere). */
export async function revokeHostAccess({ project, user }: { project: Project; user: Pick<User, "id"> }): Promise<void> {
  const repository = organizationRepositoryOf(project);
  const connection = repository && hostConnectionOf({ user, backend: repository.backend });
  if (!repository || !connection) return;
  await organizationHostOfRow(repository.backend).revokeAccess({ name: repository.name, account: accountOf(connection) });
}
