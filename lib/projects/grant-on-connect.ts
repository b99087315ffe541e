import { listHostedProjectsOfMember, type Connection, type User } from "../db";
import { grantMemberAtHost, hostConnectionOf } from "./host-access";
import { remoteOf } from "./project-remote";

/**
 * After a user connects an account at a git host: every external project they
 * belong to on that host gives that account access (owner and editors write,
 * viewers read), and collaborators waiting to connect are marked granted.
 *
 * Called by the routes and actions that make a connection (token and OAuth),
 * after it is stored, rather than from lib/connections: connections sit below
 * projects in the import tiers. A hook registered at start-up would invert
 * that, but Next bundles instrumentation apart from the routes, so the hook's
 * registry would have to live on globalThis, and a reader of
 * createTokenConnection could not see that connecting grants anything. Three
 * explicit calls are plainer.
 *
 * Never throws: a grant the host refuses is logged and the collaborator stays
 * "waiting" (a role change or connecting again tries again); connecting itself
 * has succeeded.
 */
export async function grantHostAccessOnConnect({ user, connection }: { user: Pick<User, "id">; connection: Connection }): Promise<{ granted: number; failed: number }> {
  let granted = 0;
  let failed = 0;
  // Membership only: an administrator's reach over every project is not access at the host.
  const memberships = listHostedProjectsOfMember({ user: { id: user.id, role: "user" } }).filter(({ project }) => project.backend === "external");
  for (const { project, collaboratorRole } of memberships) {
    try {
      const remote = remoteOf(project);
      if (remote?.kind !== "external" || hostConnectionOf({ user, backend: remote.backend })?.id !== connection.id) continue;
      const role = project.ownerId === user.id ? "owner" : collaboratorRole;
      if (!role) continue;
      if ((await grantMemberAtHost({ project, user, role })).status === "granted") granted += 1;
    } catch (error) {
      failed += 1;
      console.error(`[benchtop] connecting ${connection.login} at ${connection.host}: access to project ${project.id} was not given at the host; the collaborator stays waiting:`, error instanceof Error ? error.message : error);
    }
  }
  return { granted, failed };
}
