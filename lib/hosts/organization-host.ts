/**
 * What the external backend does at a git host through the organization's service
 * account: the administration of project repositories (create, grant, revoke,
 * delete or archive), never a user's push. One implementation per host type, in
 * that host's folder under lib/hosts; created per use with the service account's
 * token; throws only HostError.
 */
export interface OrganizationHost {
  /** The service account the token belongs to, and the scopes the host reports for it (null when it reports none). */
  getServiceAccount(): Promise<{ login: string; scopes: string[] | null }>;
  /** Whether `username` administers the organization (GitHub org admin, GitLab group owner, Bitbucket workspace or project admin). */
  getAdministration(options: { username: string }): Promise<{ isMember: boolean; isAdmin: boolean; role: string | null }>;
  /** Scopes the token needs for what the backend does (create, grant, delete), that it lacks; empty when the host reports no scopes. */
  missingScopes(options: { scopes: string[] | null; onDelete: "delete" | "archive" }): string[];
  /** Creates an empty private repository in the organization. */
  createRepository(options: { name: string; description: string }): Promise<OrganizationRepository>;
  /** The repository, or null when it does not exist (any more). */
  findRepository(options: { name: string }): Promise<OrganizationRepository | null>;
  /** Gives `account` (a member's account on the host) read or write access. */
  grantAccess(options: { name: string; account: HostAccount; access: "read" | "write" }): Promise<void>;
  /** Withdraws `account`'s access; nothing happens when they had none. */
  revokeAccess(options: { name: string; account: HostAccount }): Promise<void>;
  deleteRepository(options: { name: string }): Promise<void>;
  /** Archives the repository (Bitbucket Cloud, which has no archive, withdraws every user's own permission and marks it instead). */
  archiveRepository(options: { name: string }): Promise<void>;
}

/**
 * A member's account on the host, as their connection knows it: the login, and
 * the immutable id for hosts that name users only by it (Bitbucket Cloud's
 * UUID); null where the host goes by login or the connection predates ids.
 */
export type HostAccount = { login: string; id: string | null };

export type OrganizationRepository = {
  /** organization/name as the host shows it. */
  fullName: string;
  /** The https URL git clones from (what a project's cloneUrl becomes). */
  gitUrl: string;
  webUrl: string;
};
