import { GroupMembers, Groups, PersonalAccessTokens, ProjectMembers, Projects, Users } from "@gitbeaker/rest";
import { z } from "zod";
import { HostError } from "../errors";
import type { OrganizationHost, OrganizationRepository } from "../organization-host";
import { createSafeFetch } from "../safe-fetch";
import { createGitLabRequesterFn, GitLabHttpError } from "./requester";
import { currentUserSchema, tokenSelfSchema } from "./schemas";
import { toHostError, type GitLabSubject } from "./to-host-error";

// GitLab's access levels (REST API "Valid access levels").
const REPORTER = 20;
const DEVELOPER = 30;
const OWNER = 50;

const idSchema = z.object({ id: z.number().int() });
const memberSchema = z.object({ access_level: z.number().int() });
const usersSchema = z.array(z.object({ id: z.number().int(), username: z.string() }));
const projectSchema = z.object({ path_with_namespace: z.string(), http_url_to_repo: z.string(), web_url: z.string() });

const statusOf = (error: unknown) => (error instanceof GitLabHttpError ? error.status : undefined);

/**
 * The GitLab (gitlab.com or self-managed at `apiRoot`, the /api/v4 root) side of
 * the external backend: one group administered through its owner's access token.
 */
export function createGitLabOrganizationHost({ apiRoot, organization, token, fetch = createSafeFetch() }: { apiRoot: string; organization: string; token: string; fetch?: typeof globalThis.fetch }): OrganizationHost {
  const config = { host: apiRoot.replace(/\/api\/v4\/?$/, ""), requesterFn: createGitLabRequesterFn({ apiRoot, fetch }), queryTimeout: 30_000, token };
  const api = {
    users: new Users(config),
    tokens: new PersonalAccessTokens(config),
    groups: new Groups(config),
    groupMembers: new GroupMembers(config),
    projects: new Projects(config),
    projectMembers: new ProjectMembers(config),
  };
  const host = new URL(apiRoot).host;
  const subjectOf = (fullName: string): GitLabSubject => ({ fullName, host });
  const pathOf = (name: string) => `${organization}/${name}`;

  async function call<T>(subject: GitLabSubject, run: () => Promise<unknown>, schema: z.ZodType<T>): Promise<T> {
    try {
      return schema.parse(await run());
    } catch (error) {
      throw toHostError(error, subject);
    }
  }

  /** The id of `username`'s account, or null when GitLab knows no such user. */
  async function findUserId(username: string): Promise<number | null> {
    const users = await call(subjectOf(organization), () => api.users.all({ username }), usersSchema);
    return users.find((u) => u.username.toLowerCase() === username.toLowerCase())?.id ?? null;
  }

  async function requireUserId(username: string): Promise<number> {
    const id = await findUserId(username);
    if (id === null) throw new HostError("not_found", `GitLab at ${host} has no user ${username}. Check the account name the person connected with.`);
    return id;
  }

  async function memberLevel(run: () => Promise<unknown>, subject: GitLabSubject): Promise<number | null> {
    try {
      return memberSchema.parse(await run()).access_level;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw toHostError(error, subject);
    }
  }

  const toRepository = (data: z.infer<typeof projectSchema>): OrganizationRepository => ({ fullName: data.path_with_namespace, gitUrl: data.http_url_to_repo, webUrl: data.web_url });

  return {
    async getServiceAccount() {
      const user = await call(subjectOf(organization), () => api.users.showCurrentUser(), currentUserSchema);
      let scopes: string[] | null = null;
      try {
        scopes = (await call(subjectOf(organization), () => api.tokens.show(), tokenSelfSchema)).scopes ?? null;
      } catch {
        // Group tokens, OAuth tokens and GitLab before 15.5 cannot read themselves: judged by answers instead.
      }
      return { login: user.username, scopes };
    },

    async getAdministration({ username }) {
      const id = await findUserId(username);
      if (id === null) return { isMember: false, isAdmin: false, role: null };
      const level = await memberLevel(() => api.groupMembers.show(organization, id, { includeInherited: true }), subjectOf(organization));
      if (level === null) return { isMember: false, isAdmin: false, role: null };
      return { isMember: true, isAdmin: level >= OWNER, role: `access level ${level}` };
    },

    missingScopes({ scopes }) {
      return scopes === null || scopes.includes("api") ? [] : ["api"];
    },

    async createRepository({ name, description }) {
      const group = await call(subjectOf(organization), () => api.groups.show(organization), idSchema);
      try {
        const created = projectSchema.parse(await api.projects.create({ name, path: name, namespaceId: group.id, visibility: "private", description, initializeWithReadme: false }));
        return toRepository(created);
      } catch (error) {
        if (statusOf(error) === 400) throw new HostError("upstream", `GitLab refused to create ${pathOf(name)}: a project of that name or path already exists in the group, or the name is not allowed. Remove it on GitLab, or change the repository name template.`, { cause: error });
        throw toHostError(error, subjectOf(pathOf(name)));
      }
    },

    async findRepository({ name }) {
      try {
        return toRepository(projectSchema.parse(await api.projects.show(pathOf(name))));
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw toHostError(error, subjectOf(pathOf(name)));
      }
    },

    async grantAccess({ name, account: { login: username }, access }) {
      const subject = subjectOf(pathOf(name));
      const userId = await requireUserId(username);
      const level = access === "write" ? DEVELOPER : REPORTER;
      try {
        await api.projectMembers.add(pathOf(name), level, { userId });
      } catch (error) {
        // 409: already a member; their level is changed instead.
        if (statusOf(error) !== 409) throw toHostError(error, subject);
        await call(subject, () => api.projectMembers.edit(pathOf(name), userId, level), z.unknown());
      }
    },

    async revokeAccess({ name, account: { login: username } }) {
      const userId = await findUserId(username);
      if (userId === null) return;
      try {
        await api.projectMembers.remove(pathOf(name), userId);
      } catch (error) {
        if (statusOf(error) === 404) return;
        throw toHostError(error, subjectOf(pathOf(name)));
      }
    },

    async deleteRepository({ name }) {
      try {
        await api.projects.remove(pathOf(name));
      } catch (error) {
        if (statusOf(error) === 404) return;
        throw toHostError(error, subjectOf(pathOf(name)));
      }
    },

    async archiveRepository({ name }) {
      await call(subjectOf(pathOf(name)), () => api.projects.archive(pathOf(name)), z.unknown());
    },
  };
}
