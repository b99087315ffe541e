import type { VcsBackendRow } from "../db";
import { createGitAdapter } from "../hosts/create-adapter";
import type { OrganizationHost } from "../hosts/organization-host";
import { connectOrganizationHost, gitProviderOfBackend, openBackendRow } from "../vcs";
import type { GitRemote } from "./git-remote";

/**
 * An external backend as a move uses it: its organization through the service
 * account, and a repository there as git reaches it with the service account's
 * token (in the host's own convention, through its adapter's gitAuthHeader).
 * A move is administration, so the service account copies; members' own
 * connections are for their pushes.
 */
export type ServiceAccount = { row: VcsBackendRow; host: OrganizationHost; remoteOf(repository: { gitUrl: string; webUrl: string }): GitRemote };

export function serviceAccountOf(row: VcsBackendRow): ServiceAccount {
  const backend = openBackendRow(row);
  return {
    row,
    host: connectOrganizationHost(backend),
    remoteOf: ({ gitUrl, webUrl }) => ({
      url: gitUrl,
      authHeader: createGitAdapter({ provider: gitProviderOfBackend(row), location: webUrl, token: backend.authToken, tokenType: "personal" }).gitAuthHeader(),
    }),
  };
}
