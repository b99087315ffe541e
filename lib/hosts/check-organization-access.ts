import { accountsOf } from "./accounts";
import type { CheckOrganizationAccessOptions, OrganizationAccess } from "./types";

const NOTHING: OrganizationAccess = { accessRequests: [], permissionsUrl: null, requestAccess: null };

/**
 * The organizations that keep a connection's app out of their repositories,
 * each with the host's page for asking, and where the user edits what the app
 * may read (GitHub; nothing for hosts without such restrictions).
 */
export function checkOrganizationAccess(options: CheckOrganizationAccessOptions): Promise<OrganizationAccess> {
  return accountsOf(options.provider).checkOrganizationAccess?.(options) ?? Promise.resolve(NOTHING);
}
