import { connectionToHost } from "../connections";
import { getCollaborator, updateCollaborator, type Connection, type Project, type User, type VcsBackendRow } from "../db";
import type { HostAccount } from "../hosts/organization-host";
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

/** What granting did: the account at the host given access, or why there was nothing to grant. */
export type HostGrant = { status: "granted"; account: HostAccount } | { status: "waiting" | "not_external" };

/**
 * Gives a member access to a project's repository in the organization, by the
 * account of their connection to the host, through the service account, and
 * says which account that was. "waiting" when they have not connected yet (they
 * are given access when they connect); "not_external" for projects elsewhere.
 * `replacing` is the account granted before: when they have since connected as
 * another account, that one loses its access first, so that no account keeps
 * access Benchtop no longer knows about. Throws the host's HostError.
 */
export async function grantHostAccessTo({ project, user, access, replacing }: { project: Project; user: Pick<User, "id">; access: HostAccess; replacing?: HostAccount | null }): Promise<HostGrant> {
  const repository = organizationRepositoryOf(project);
  if (!repository) return { status: "not_external" };
  const connection = hostConnectionOf({ user, backend: repository.backend });
  if (!connection) return { status: "waiting" };
  const host = organizationHostOfRow(repository.backend);
  const account = accountOf(connection);
  if (replacing && replacing.login !== account.login) await host.revokeAccess({ name: repository.name, account: replacing });
  await host.grantAccess({ name: repository.name, account, access });
  return { status: "granted", account };
}

/** grantHostAccessTo, when only the outcome matters. */
export async function grantHostAccess(options: { project: Project; user: Pick<User, "id">; access: HostAccess }): Promise<"granted" | "waiting" | "not_external"> {
  return (await grantHostAccessTo(options)).status;
}

/**
 * Withdraws a member's access at the host: from `account` when it is known
 * (the one that was granted), else from their connection's account; nothing to
 * do when there is neither, or for projects elsewhere.
 */
export async function revokeHostAccess({ project, user, account }: { project: Project; user: Pick<User, "id">; account?: HostAccount | null }): Promise<void> {
  const repository = organizationRepositoryOf(project);
  if (!repository) return;
  const connection = account ? null : hostConnectionOf({ user, backend: repository.backend });
  const target = account ?? (connection ? accountOf(connection) : null);
  if (!target) return;
  await organizationHostOfRow(repository.backend).revokeAccess({ name: repository.name, account: target });
}

/**
 * Gives a member (the owner, or a collaborator) the access their role gives at
 * the host, and remembers for a collaborator which account holds it (what
 * "waiting to connect" is read from, and what a removal withdraws). The one
 * way connecting an account and moving a project into an organization grant.
 */
export async function grantMemberAtHost({ project, user, role }: { project: Project; user: Pick<User, "id">; role: "owner" | "editor" | "viewer" }): Promise<HostGrant> {
  const collaborator = role === "owner" ? undefined : getCollaborator({ projectId: project.id, userId: user.id });
  const grant = await grantHostAccessTo({ project, user, access: hostAccessOfRole(role), replacing: collaborator?.hostAccount });
  if (grant.status === "granted" && collaborator) updateCollaborator({ projectId: project.id, userId: user.id, changes: { hostAccount: grant.account } });
  return grant;
}
