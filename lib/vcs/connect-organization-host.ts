import { createBitbucketCloudOrganizationHost } from "../hosts/bitbucket/cloud-organization-host";
import { createBitbucketServerOrganizationHost } from "../hosts/bitbucket/server-organization-host";
import { createGitHubOrganizationHost } from "../hosts/github/organization-host";
import { createGitLabOrganizationHost } from "../hosts/gitlab/organization-host";
import type { OrganizationHost } from "../hosts/organization-host";
import type { VcsBackendRow } from "../db";
import { openBackendRow } from "./active-backend";
import type { ExternalBackend } from "./backend-schema";

/** The organization host of an external backend, with its service account's token. */
export function connectOrganizationHost(backend: Pick<ExternalBackend, "type" | "url" | "organization" | "username" | "authToken">): OrganizationHost {
  const options = { apiRoot: backend.url, organization: backend.organization, token: backend.authToken };
  switch (backend.type) {
    case "github":
      return createGitHubOrganizationHost(options);
    case "gitlab":
      return createGitLabOrganizationHost(options);
    case "bitbucket":
      // Bitbucket Cloud signs the account in with its user name and token (HTTP Basic).
      return createBitbucketCloudOrganizationHost({ ...options, username: backend.username });
    case "bitbucket-server":
      return createBitbucketServerOrganizationHost(options);
  }
}

/** The organization host of a stored backend row (its token opened for this use only). */
export function organizationHostOfRow(row: VcsBackendRow): OrganizationHost {
  return connectOrganizationHost(openBackendRow(row));
}
