import type { VcsBackendRow } from "../db";
import type { GitProvider } from "../hosts";

/**
 * The provider a backend's git host is to connections and adapters: github.com
 * and gitlab.com are the cloud providers, any other host their self-hosted kind.
 * Users connect to this provider at the backend's credential host.
 */
export function gitProviderOfBackend(row: Pick<VcsBackendRow, "type" | "credentialHostname">): GitProvider {
  const host = row.credentialHostname.toLowerCase();
  switch (row.type) {
    case "github":
      return host === "github.com" ? "github" : "github-enterprise";
    case "gitlab":
      return host === "gitlab.com" ? "gitlab" : "gitlab-self-managed";
    case "bitbucket":
      return "bitbucket";
    case "bitbucket-server":
      return "bitbucket-server";
  }
}
