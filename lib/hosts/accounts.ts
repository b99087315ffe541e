import { bitbucketAccounts } from "./bitbucket/accounts";
import { githubAccounts } from "./github/accounts";
import { gitlabAccounts } from "./gitlab/accounts";
import type { GitProvider, HostAccounts } from "./types";

/** The account lookups of a provider (each provider's folder holds its own). */
export function accountsOf(provider: GitProvider): HostAccounts {
  switch (provider) {
    case "github":
    case "github-enterprise":
      return githubAccounts;
    case "gitlab":
    case "gitlab-self-managed":
      return gitlabAccounts;
    case "bitbucket":
    case "bitbucket-server":
      return bitbucketAccounts;
  }
}
