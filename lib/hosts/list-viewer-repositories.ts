// The repositories a connected account can reach, for the "Repository" field's
// autocomplete in the add-repository dialog: GitHub's GET /user/repos and
// GitLab's GET /projects?membership=true, newest activity first.
import { Projects } from "@gitbeaker/rest";
import { HostError } from "./errors";
import { toHostError as toGitHubHostError } from "./github/to-host-error";
import { createOctokit } from "./github/octokit";
import { githubRepoSchema } from "./github/schemas";
import { createGitLabRequesterFn } from "./gitlab/requester";
import { simpleProjectListSchema } from "./gitlab/schemas";
import { toHostError as toGitLabHostError } from "./gitlab/to-host-error";
import { createSafeFetch } from "./safe-fetch";
import type { GitProvider } from "./types";

export type ViewerRepository = {
  fullName: string;
  /** The address to register it by (as the browser shows it). */
  webUrl: string;
  defaultBranch: string | null;
  /** null where the host's listing does not say (GitLab's simple listing). */
  private: boolean | null;
};

/** Enough for an autocomplete; a user with more types a few letters to narrow the search. */
const LIMIT = 300;
const PER_PAGE = 100;

export async function listViewerRepositories({
  provider,
  apiRoot,
  token,
  tokenType = "personal",
  search,
  fetch = createSafeFetch(),
}: {
  provider: GitProvider;
  apiRoot: string;
  token: string;
  tokenType?: "personal" | "oauth";
  search?: string;
  fetch?: typeof globalThis.fetch;
}): Promise<ViewerRepository[]> {
  const host = new URL(apiRoot).host;
  if (provider === "github" || provider === "github-enterprise") {
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
      throw toGitHubHostError(error, { host, subject: "The account's repositories" });
    }
  }
  if (provider === "gitlab" || provider === "gitlab-self-managed") {
    const projects = new Projects({
      host: apiRoot.replace(/\/api\/v4\/?$/, ""),
      requesterFn: createGitLabRequesterFn({ apiRoot, fetch }),
      queryTimeout: 30_000,
      ...(tokenType === "oauth" ? { oauthToken: token } : { token }),
    });
    try {
      const answer = await projects.all({ membership: true, simple: true, orderBy: "last_activity_at", sort: "desc", search: search?.trim() || undefined, perPage: PER_PAGE, maxPages: LIMIT / PER_PAGE });
      return simpleProjectListSchema
        .parse(answer)
        .map((p) => ({ fullName: p.path_with_namespace, webUrl: p.web_url, defaultBranch: p.default_branch ?? null, private: null }));
    } catch (error) {
      throw toGitLabHostError(error, { fullName: "your projects", host });
    }
  }
  throw new HostError("not_supported", "Listing your repositories works for GitHub and GitLab connections. Give the repository's address instead.");
}
