// GitHub's account lookups for connections: who the token is (GET /user, with
// the scopes and expiry GitHub reports in headers), the repositories it
// reaches (GET /user/repos, newest activity first) and the organizations that
// keep the token's app out (organization-access.ts).
import { HostError } from "../errors";
import { createSafeFetch } from "../safe-fetch";
import type { HostAccounts, ViewerRepository } from "../types";
import { createOctokit } from "./octokit";
import { checkGitHubOrganizationAccess } from "./organization-access";
import { githubRepoSchema, githubUserSchema } from "./schemas";
import { toHostError } from "./to-host-error";
import { parseScopes, parseTokenExpiry } from "./token-info";

/** Enough for an autocomplete; a user with more types a few letters to narrow the search. */
const LIMIT = 300;
const PER_PAGE = 100;

export const githubAccounts: HostAccounts = {
  async getViewer({ origin, apiRoot, token, fetch }) {
    const octokit = createOctokit({ apiRoot, token, fetch });
    const context = { host: new URL(origin).host, subject: "The token's account" };
    try {
      const answer = await octokit.rest.users.getAuthenticated();
      if (answer.status >= 300) throw new HostError("upstream", `${context.host} answered with a redirect (${answer.status}); check the host.`);
      const headers = answer.headers as Record<string, string | number | undefined>;
      return { login: githubUserSchema.parse(answer.data).login, scopes: parseScopes(headers), expiresAt: parseTokenExpiry(headers) };
    } catch (error) {
      throw toHostError(error, context);
    }
  },

  async listViewerRepositories({ apiRoot, token, search, fetch = createSafeFetch() }) {
    const octokit = createOctokit({ apiRoot, token, fetch });
    try {
      const found: ViewerRepository[] = [];
      for await (const page of octokit.paginate.iterator(octokit.rest.repos.listForAuthenticatedUser, { per_page: PER_PAGE, sort: "updated" })) {
        for (const repo of githubRepoSchema.array().parse(page.data)) {
          found.push({ fullName: repo.full_name, webUrl: repo.html_url, defaultBranch: repo.default_branch, private: repo.private });
        }
        if (found.length >= LIMIT) break;
      }
      const wanted = search?.trim().toLowerCase();
      return (wanted ? found.filter((r) => r.fullName.toLowerCase().includes(wanted)) : found).slice(0, LIMIT);
    } catch (error) {
      throw toHostError(error, { host: new URL(apiRoot).host, subject: "The account's repositories" });
    }
  },

  async checkOrganizationAccess(options) {
    try {
      return await checkGitHubOrganizationAccess(options);
    } catch (error) {
      throw toHostError(error, { host: new URL(options.origin).host, subject: "The account's organizations" });
    }
  },
};
