// The Bitbucket Cloud side of the external backend: one workspace administered
// by an owner's own account. Bitbucket Cloud takes a user's credential for its
// REST API as HTTP Basic: an API token with the account's Atlassian email (an
// app password with the Bitbucket username, while Atlassian still accepted
// them). Access tokens are no user, so they cannot be the workspace's owner.
import { createBitbucketCloudClient } from "@coderabbitai/bitbucket/cloud";
import { z } from "zod";
import { HostError, isHostError } from "../errors";
import type { HostAccount, OrganizationHost, OrganizationRepository } from "../organization-host";
import { createSafeFetch } from "../safe-fetch";
import { basicAuthorization } from "./cloud-auth";
import { clientOptions, type RequestContext, send } from "./http";
import { parseAnswer } from "./to-host-error";

const linkSchema = z.object({ href: z.string(), name: z.string().optional() });
const repositorySchema = z.object({
  full_name: z.string(),
  description: z.string().optional(),
  links: z.object({ html: linkSchema.optional(), clone: z.array(linkSchema).optional() }).optional(),
});
const userSchema = z.object({ uuid: z.string(), nickname: z.string().optional(), username: z.string().optional(), account_id: z.string().optional() });
const pageOf = <T extends z.ZodType>(item: T) => z.object({ values: z.array(item), next: z.string().optional() });
const membershipPageSchema = pageOf(z.object({ permission: z.string(), user: userSchema.partial().optional() }));
const grantPageSchema = pageOf(z.object({ user: userSchema }));

/** Pages are followed this far at most (100 entries each). */
const MAX_PAGES = 50;
/** What an archived repository's description starts with, so that an admin sees why nobody can push. */
export const ARCHIVED_MARK = "[Archived by Benchtop]";

/**
 * Scopes as (OAuth and access-token name, API-token name). Bitbucket reports
 * scopes in x-oauth-scopes, in one vocabulary or the other.
 */
const SCOPES = {
  user: ["account", "read:user:bitbucket"],
  workspace: ["account", "read:workspace:bitbucket"],
  admin: ["repository:admin", "admin:repository:bitbucket"],
  write: ["repository:write", "write:repository:bitbucket"],
  delete: ["repository:delete", "delete:repository:bitbucket"],
} as const;

export function createBitbucketCloudOrganizationHost({
  apiRoot,
  organization,
  username,
  token,
  fetch = createSafeFetch(),
}: {
  apiRoot: string;
  organization: string;
  username: string;
  token: string;
  fetch?: typeof globalThis.fetch;
}): OrganizationHost {
  const authorization = basicAuthorization(username, token);
  const client = createBitbucketCloudClient(clientOptions({ baseUrl: apiRoot, token, fetchImpl: fetch, authorization }));
  const host = new URL(apiRoot).host;
  const about = (subject: string): RequestContext => ({ flavor: "cloud", host, subject });
  const workspace = organization;
  // Cloud addresses repositories by slug, which the template's lower-cased names already are.
  const repoPath = (name: string) => ({ workspace, repo_slug: name.toLowerCase() });
  const full = (name: string) => `${workspace}/${name.toLowerCase()}`;

  const toRepository = (data: unknown): OrganizationRepository => {
    const repo = parseAnswer({ flavor: "cloud", schema: repositorySchema, data, what: "the repository" });
    const https = repo.links?.clone?.find((link) => link.name === "https")?.href;
    if (!https) throw new HostError("upstream", `Bitbucket at ${host} did not say how to clone ${repo.full_name} over https.`);
    // Bitbucket puts the caller's name in the clone URL; each member's own credential goes there instead.
    return { fullName: repo.full_name, gitUrl: https.replace(/\/\/[^@/]+@/, "//"), webUrl: repo.links?.html?.href ?? https };
  };

  /** Runs a call whose "not found" means "nothing to do". */
  async function unlessMissing(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (!isHostError(error) || error.code !== "not_found") throw error;
    }
  }

  /** Every page of a listing (Cloud's `page` numbers), up to MAX_PAGES. */
  async function allPages<T>(subject: string, schema: z.ZodType<{ values: T[]; next?: string }>, get: (page: number) => Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T[]> {
    const values: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data } = await send(about(subject), () => get(page));
      const parsed = parseAnswer({ flavor: "cloud", schema, data, what: subject });
      values.push(...parsed.values);
      if (!parsed.next) break;
    }
    return values;
  }

  async function me() {
    try {
      const { data, response } = await send(about("The token's account"), () => client.GET("/user"));
      return { user: parseAnswer({ flavor: "cloud", schema: userSchema, data, what: "the token's account" }), headers: response.headers };
    } catch (error) {
      if (isHostError(error) && error.code === "bad_credentials") {
        throw new HostError("bad_credentials", `Bitbucket did not accept ${username} with this token. Give an API token with the account's Atlassian email as the user name, and check that the token is not expired or revoked.`, { cause: error });
      }
      throw error;
    }
  }

  /** Bitbucket Cloud names a user in a path only by UUID or Atlassian account id, never by nickname. */
  function accountIdOf(account: HostAccount): string {
    if (account.id) return account.id;
    throw new HostError("not_supported", `Bitbucket Cloud grants access by account id, and ${account.login}'s connection to Bitbucket does not have one (it was made before Benchtop stored it). They should disconnect and connect their Bitbucket account again.`);
  }

  const subjectOf = (name: string) => `The repository ${full(name)}`;

  async function revoke(name: string, selected_user_id: string): Promise<void> {
    await unlessMissing(() =>
      send(about(subjectOf(name)), () => client.DELETE("/repositories/{workspace}/{repo_slug}/permissions-config/users/{selected_user_id}", { params: { path: { ...repoPath(name), selected_user_id } } })),
    );
  }

  return {
    async getServiceAccount() {
      const { user, headers } = await me();
      const scopeHeader = headers.get("x-oauth-scopes");
      const scopes = scopeHeader === null ? null : scopeHeader.split(/[\s,]+/).filter(Boolean);
      // Bitbucket shows no email on /user; having signed in with it (Basic auth) proves the token is that account's.
      const login = username.includes("@") ? username : (user.username ?? user.nickname ?? user.uuid);
      return { login, scopes };
    },

    async getAdministration({ username: wanted }) {
      const caller = (await me()).user;
      const isCaller = [username, caller.nickname, caller.username, caller.uuid, caller.account_id].some((name) => name?.toLowerCase() === wanted.toLowerCase());
      const matches = (user: { uuid?: string; nickname?: string; account_id?: string } | undefined) =>
        isCaller ? user?.uuid === caller.uuid : [user?.nickname, user?.uuid, user?.account_id].some((name) => name?.toLowerCase() === wanted.toLowerCase());
      try {
        // The caller is found by UUID; anyone else by their nickname in the list of members.
        const query: Record<string, string> = isCaller ? { q: `user.uuid="${caller.uuid}"` } : {};
        const members = await allPages(`The workspace ${workspace}`, membershipPageSchema, (page) =>
          client.GET("/workspaces/{workspace}/permissions", { params: { path: { workspace }, query }, querySerializer: () => new URLSearchParams({ ...query, pagelen: "100", page: String(page) }).toString() }),
        );
        const membership = members.find((entry) => matches(entry.user));
        return membership ? { isMember: true, isAdmin: membership.permission === "owner", role: membership.permission } : { isMember: false, isAdmin: false, role: null };
      } catch (error) {
        // Only the workspace's members may list its permissions.
        if (isHostError(error) && error.code === "no_permission") return { isMember: false, isAdmin: false, role: null };
        throw error;
      }
    },

    missingScopes({ scopes, onDelete }) {
      if (scopes === null) return [];
      // A token speaks one vocabulary: API tokens name scopes "…:bitbucket".
      const column = scopes.some((scope) => scope.endsWith(":bitbucket")) ? 1 : 0;
      const needed = [SCOPES.user, SCOPES.workspace, SCOPES.admin, SCOPES.write, ...(onDelete === "delete" ? [SCOPES.delete] : [])];
      return [...new Set(needed.filter((pair) => !pair.some((scope) => scopes.includes(scope))).map((pair) => pair[column]))];
    },

    async createRepository({ name, description }) {
      try {
        const { data } = await send(about(`The workspace ${workspace}`), () =>
          client.POST("/repositories/{workspace}/{repo_slug}", { params: { path: repoPath(name) }, body: { type: "repository", scm: "git", is_private: true, description } }),
        );
        return toRepository(data);
      } catch (error) {
        // Cloud answers 400 both to a taken slug and to a refused name.
        if (isHostError(error) && /HTTP 400/.test(error.message)) {
          throw new HostError("upstream", `Bitbucket refused to create ${full(name)}: a repository of that name already exists in the workspace, or the name is not allowed. Remove it in Bitbucket, or change the repository name template.`, { cause: error });
        }
        throw error;
      }
    },

    async findRepository({ name }) {
      try {
        const { data } = await send(about(subjectOf(name)), () => client.GET("/repositories/{workspace}/{repo_slug}", { params: { path: repoPath(name) } }));
        return toRepository(data);
      } catch (error) {
        if (isHostError(error) && error.code === "not_found") return null;
        throw error;
      }
    },

    async grantAccess({ name, account, access }) {
      const selected_user_id = accountIdOf(account);
      await send(about(subjectOf(name)), () =>
        client.PUT("/repositories/{workspace}/{repo_slug}/permissions-config/users/{selected_user_id}", { params: { path: { ...repoPath(name), selected_user_id } }, body: { permission: access } }),
      );
    },

    async revokeAccess({ name, account }) {
      await revoke(name, accountIdOf(account));
    },

    async deleteRepository({ name }) {
      await unlessMissing(() => send(about(subjectOf(name)), () => client.DELETE("/repositories/{workspace}/{repo_slug}", { params: { path: repoPath(name) } })));
    },

    /**
     * Bitbucket Cloud cannot archive a repository. Benchtop keeps it, withdraws
     * every user's own permission (members were given theirs by Benchtop), so
     * that only the workspace's administrators reach it, and marks its
     * description. Listing first also keeps the update below from creating a
     * repository that is gone (Cloud's PUT creates a missing one).
     */
    async archiveRepository({ name }) {
      const subject = subjectOf(name);
      const grants = await allPages(subject, grantPageSchema, (page) =>
        client.GET("/repositories/{workspace}/{repo_slug}/permissions-config/users", { params: { path: repoPath(name) }, querySerializer: () => `pagelen=100&page=${page}` }),
      );
      for (const grant of grants) await revoke(name, grant.user.uuid);
      const { data } = await send(about(subject), () => client.GET("/repositories/{workspace}/{repo_slug}", { params: { path: repoPath(name) } }));
      const description = parseAnswer({ flavor: "cloud", schema: repositorySchema, data, what: subject }).description ?? "";
      if (description.startsWith(ARCHIVED_MARK)) return;
      await send(about(subject), () =>
        client.PUT("/repositories/{workspace}/{repo_slug}", { params: { path: repoPath(name) }, body: { type: "repository", description: `${ARCHIVED_MARK} ${description}`.trim() } }),
      );
    },
  };
}
