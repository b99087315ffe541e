import type { User } from "../db";
import { AppError } from "../errors";
import { checkOrganizationAccess } from "../hosts/check-organization-access";
import { listViewerRepositories, type ViewerRepository } from "../hosts/list-viewer-repositories";
import type { OrganizationAccess } from "../hosts/types";
import { connectionAppOf } from "./connection-app";
import { tokenTypeOf } from "./token-type";
import { freshConnectionToken } from "./fresh-token";
import { resolveHost } from "./host";
import { loadConnection } from "./list-connections";

export type ConnectionRepositories = { repositories: ViewerRepository[] } & OrganizationAccess;

const NOTHING: OrganizationAccess = { accessRequests: [], permissionsUrl: null, requestAccess: null };

/**
 * The repositories the account of one of the caller's connections can reach
 * (for the Repository autocomplete), with the organizations that keep the
 * connection's app out and where to ask them (see checkOrganizationAccess).
 * Asked afresh every time: an organization that approves the app shows its
 * repositories at the next call, without connecting again.
 */
export async function listConnectionRepositories({ user, id, search }: { user: User; id: string; search?: string }): Promise<ConnectionRepositories> {
  const connection = loadConnection({ id, user });
  if (!/^(github|gitlab)/.test(connection.provider)) {
    throw new AppError("invalid_input", "Listing your repositories works for GitHub and GitLab connections. Give the repository's address instead.");
  }
  const { origin, apiRoot } = resolveHost({ provider: connection.provider, host: connection.host });
  const token = await freshConnectionToken(connection);
  const [repositories, access] = await Promise.all([
    listViewerRepositories({ provider: connection.provider, apiRoot, token, tokenType: tokenTypeOf(connection), search }),
    // A help beside the list: when it cannot be had, the list still is.
    checkOrganizationAccess({ provider: connection.provider, origin, apiRoot, token, login: connection.login, app: connectionAppOf(connection) }).catch((error: unknown) => {
      console.warn(`Checking organization access of connection ${connection.id} failed:`, error instanceof Error ? error.message : error);
      return NOTHING;
    }),
  ]);
  return { repositories, ...access };
}
