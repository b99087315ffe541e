// GitHub's answers for organizations and repository collaborators, from the
// examples in GitHub's OpenAPI description (organization-full, org-membership,
// collaborator-items, repository-collaborator-permission), filled in with the
// emulator's seeded values; github-org.test.ts checks each against the schemas.
import { type Bodies, OPENAPI_DESCRIPTION, readJson, retarget, type Site } from "./emulator-bodies";
import type { Account, Permission } from "./emulator-state";

/** Only an organization's owners see these (billing, plan, policies). */
const OWNER_ONLY = /^(total_private_repos|owned_private_repos|private_gists|disk_usage|collaborators|billing_email|plan|default_repository_|members_|two_factor_|display_commenter|readers_can|web_commit|deploy_keys|dependency_graph|dependabot_|advanced_security|secret_scanning)/;

/** The legacy base role GitHub reports in `permission` next to the finer `role_name`. */
const LEGACY: Record<Permission, string> = { admin: "admin", maintain: "write", push: "write", triage: "read", pull: "read" };
/** `role_name` uses the names of GitHub's settings page, not the API's pull/push. */
const ROLE_NAME: Record<Permission, string> = { admin: "admin", maintain: "maintain", push: "write", triage: "triage", pull: "read" };

export function createOrgBodies(site: Site, bodies: Bodies) {
  const examples = readJson(OPENAPI_DESCRIPTION).components.examples;
  const templates = { org: examples["organization-full"].value, membership: examples["org-membership"].value, collaborator: examples["collaborator-items"].value[0] };
  const orgUrls = (org: Account) => retarget(templates.membership.organization, site, { owner: org.login, name: "" });

  /** organization-simple: the first fields of the full one. */
  function orgSimple(org: Account): any {
    const urls = orgUrls(org);
    return {
      ...urls,
      login: org.login,
      id: org.id,
      node_id: bodies.simpleUser(org).node_id,
      url: `${site.apiRoot}/orgs/${org.login}`,
      repos_url: `${site.apiRoot}/orgs/${org.login}/repos`,
      events_url: `${site.apiRoot}/orgs/${org.login}/events`,
      hooks_url: `${site.apiRoot}/orgs/${org.login}/hooks`,
      issues_url: `${site.apiRoot}/orgs/${org.login}/issues`,
      members_url: `${site.apiRoot}/orgs/${org.login}/members{/member}`,
      public_members_url: `${site.apiRoot}/orgs/${org.login}/public_members{/member}`,
      avatar_url: `${site.url}/avatars/u/${org.id}?v=4`,
      description: null,
    };
  }

  return {
    /** organization-simple, as GET /user/orgs lists organizations. */
    organizationSimple: orgSimple,

    /** GET /orgs/{org}: organization-full; the owner-only fields only for an owner. */
    organization(org: Account, { owner, repos }: { owner: boolean; repos: { private: number; public: number } }): any {
      // The profile fields an organization has not filled in are left out: the description types them string, not null.
      const unset = /^(company|blog|location|email|twitter_username|billing_email)$/;
      const base = Object.fromEntries(Object.entries(retarget(templates.org, site, { owner: org.login, name: "" })).filter(([k]) => !unset.test(k) && (owner || !OWNER_ONLY.test(k))));
      return {
        ...base,
        ...orgSimple(org),
        name: org.login,
        is_verified: false,
        public_repos: repos.public,
        public_gists: 0,
        followers: 0,
        following: 0,
        html_url: `${site.url}/${org.login}`,
        created_at: org.createdAt,
        updated_at: org.createdAt,
        archived_at: null,
        ...(owner
          ? {
              total_private_repos: repos.private,
              owned_private_repos: repos.private,
              private_gists: 0,
              disk_usage: 0,
              collaborators: 0,
              default_repository_permission: "none",
              members_can_create_repositories: org.membersCanCreateRepos,
              members_allowed_repository_creation_type: org.membersCanCreateRepos ? "all" : "none",
              members_can_create_public_repositories: org.membersCanCreateRepos,
              members_can_create_private_repositories: org.membersCanCreateRepos,
              members_can_create_internal_repositories: org.membersCanCreateRepos,
            }
          : {}),
      };
    },

    /** GET /orgs/{org}/memberships/{username}: an active membership with its role. */
    membership(org: Account, user: Account, role: "admin" | "member"): any {
      return { url: `${site.apiRoot}/orgs/${org.login}/memberships/${user.login}`, state: "active", role, organization_url: `${site.apiRoot}/orgs/${org.login}`, organization: orgSimple(org), user: bodies.simpleUser(user) };
    },

    /** One item of GET /repos/{owner}/{repo}/collaborators. */
    collaborator(user: Account, permission: Permission): any {
      const base = retarget(templates.collaborator, site, { owner: user.login, name: "" });
      const urls = Object.fromEntries(Object.entries(base).filter(([k, v]) => k.endsWith("_url") && typeof v === "string").map(([k, v]) => [k, (v as string).replaceAll("/octocat", `/${user.login}`)]));
      return { ...base, ...urls, ...bodies.simpleUser(user), permissions: bodies.permissionsFor(permission), role_name: ROLE_NAME[permission] };
    },

    /** GET /repos/{owner}/{repo}/collaborators/{username}/permission ("none" without access). */
    collaboratorPermission(user: Account, permission: Permission | null): any {
      const collaborator = this.collaborator(user, permission ?? "pull");
      if (!permission) collaborator.permissions = { pull: false, triage: false, push: false, maintain: false, admin: false };
      return { permission: permission ? LEGACY[permission] : "none", role_name: permission ? ROLE_NAME[permission] : "none", user: collaborator };
    },

    /** validation-error for a field, as GitHub words it ("name already exists on this account"). */
    validationFailed(message: string, error: { resource: string; field: string; code: string; message?: string }, documentation: string): any {
      return { message, errors: [error], documentation_url: documentation, status: "422" };
    },
  };
}

export type OrgBodies = ReturnType<typeof createOrgBodies>;
