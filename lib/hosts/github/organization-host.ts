import { z } from "zod";
import { HostError } from "../errors";
import type { OrganizationHost, OrganizationRepository } from "../organization-host";
import { type FailureContext, toHostError } from "./to-host-error";
import { createOctokit } from "./octokit";
import { parseScopes } from "./token-info";

const membershipSchema = z.object({ state: z.string(), role: z.string() });
const repositorySchema = z.object({ full_name: z.string(), clone_url: z.string(), html_url: z.string() });
const userSchema = z.object({ login: z.string() });

const statusOf = (error: unknown) => (error as { status?: unknown }).status;

/**
 * The GitHub (github.com or Enterprise Server at `apiRoot`) side of the external
 * backend: one organization administered through its service account's token.
 */
export function createGitHubOrganizationHost({ apiRoot, organization, token, fetch }: { apiRoot: string; organization: string; token: string; fetch?: typeof globalThis.fetch }): OrganizationHost {
  const octokit = createOctokit({ apiRoot, token, fetch });
  const host = new URL(apiRoot).host;
  const about = (subject: string): FailureContext => ({ host, subject });
  const toRepository = (data: unknown): OrganizationRepository => {
    const repo = repositorySchema.parse(data);
    return { fullName: repo.full_name, gitUrl: repo.clone_url, webUrl: repo.html_url };
  };

  async function run<T>(context: FailureContext, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toHostError(error, context);
    }
  }

  return {
    async getServiceAccount() {
      const answer = await run(about("The token's account"), () => octokit.rest.users.getAuthenticated());
      return { login: userSchema.parse(answer.data).login, scopes: parseScopes(answer.headers) };
    },

    async getAdministration({ username }) {
      try {
        const answer = await octokit.rest.orgs.getMembershipForUser({ org: organization, username });
        const membership = membershipSchema.parse(answer.data);
        const active = membership.state === "active";
        return { isMember: active, isAdmin: active && membership.role === "admin", role: membership.role };
      } catch (error) {
        // 404: not a member (or the organization does not exist for this token).
        if (statusOf(error) === 404) return { isMember: false, isAdmin: false, role: null };
        throw toHostError(error, about(`The organization ${organization}`));
      }
    },

    missingScopes({ scopes, onDelete }) {
      if (scopes === null) return [];
      const needed = ["repo", "read:org", ...(onDelete === "delete" ? ["delete_repo"] : [])];
      // admin:org includes read:org, as GitHub documents its scope hierarchy.
      return needed.filter((scope) => !scopes.includes(scope) && !(scope === "read:org" && (scopes.includes("admin:org") || scopes.includes("write:org"))));
    },

    async createRepository({ name, description }) {
      const context = about(`The organization ${organization}`);
      try {
        const answer = await octokit.rest.repos.createInOrg({ org: organization, name, description, private: true, auto_init: false });
        return toRepository(answer.data);
      } catch (error) {
        if (statusOf(error) === 422) throw new HostError("upstream", `GitHub refused to create ${organization}/${name}: a repository of that name already exists there, or the name is not allowed. Remove or rename it on GitHub, or change the repository name template.`, { cause: error });
        throw toHostError(error, context);
      }
    },

    async findRepository({ name }) {
      try {
        return toRepository((await octokit.rest.repos.get({ owner: organization, repo: name })).data);
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw toHostError(error, about(`The repository ${organization}/${name}`));
      }
    },

    async grantAccess({ name, account: { login: username }, access }) {
      await run(about(`The repository ${organization}/${name}`), () =>
        octokit.rest.repos.addCollaborator({ owner: organization, repo: name, username, permission: access === "write" ? "push" : "pull" }),
      );
    },

    async revokeAccess({ name, account: { login: username } }) {
      try {
        await octokit.rest.repos.removeCollaborator({ owner: organization, repo: name, username });
      } catch (error) {
        if (statusOf(error) === 404) return;
        throw toHostError(error, about(`The repository ${organization}/${name}`));
      }
    },

    async deleteRepository({ name }) {
      try {
        await octokit.rest.repos.delete({ owner: organization, repo: name });
      } catch (error) {
        if (statusOf(error) === 404) return;
        throw toHostError(error, about(`The repository ${organization}/${name}`));
      }
    },

    async archiveRepository({ name }) {
      await run(about(`The repository ${organization}/${name}`), () => octokit.rest.repos.update({ owner: organization, repo: name, archived: true }));
    },
  };
}
