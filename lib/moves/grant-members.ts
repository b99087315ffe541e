import { getUserById, listCollaboratorsWithUsers, type Project } from "../db";
import { grantMemberAtHost } from "../projects";

/**
 * Gives the owner and every collaborator access to the project's new repository
 * at the host (owner and editors write, viewers read), by their connected
 * accounts; those not connected yet get it when they connect. A refusal for one
 * member does not undo the move: it is reported for the administrator.
 */
export async function grantMembers({ project }: { project: Project }): Promise<string> {
  const owner = getUserById({ id: project.ownerId });
  const members = [
    ...(owner ? [{ user: owner, role: "owner" as const }] : []),
    ...listCollaboratorsWithUsers({ projectId: project.id }).map(({ collaborator, user }) => ({ user, role: collaborator.role })),
  ];
  let granted = 0;
  let waiting = 0;
  const refused: string[] = [];
  for (const { user, role } of members) {
    try {
      const { status } = await grantMemberAtHost({ project, user, role });
      if (status === "granted") granted++;
      else if (status === "waiting") waiting++;
    } catch (error) {
      refused.push(`${user.email} (${(error as Error).message})`);
    }
  }
  const parts = [`Access at the host: ${granted} given`, `${waiting} waiting until they connect their account`];
  const words = `${parts.join(", ")}.`;
  return refused.length ? `${words} Not given, give it again by changing their role: ${refused.join("; ")}.` : words;
}
