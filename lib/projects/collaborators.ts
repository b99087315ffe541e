import {
  deleteCollaborator,
  getCollaborator,
  getUserByEmail,
  getUserById,
  insertCollaborator,
  listCollaboratorsWithUsers,
  updateCollaborator,
  type Collaborator,
  type Project,
  type User,
} from "../db";
import { recordEvent } from "../audit";
import { AppError, notFound } from "../errors";
import { assertCanManage, type ProjectAccess } from "./access";
import { grantHostAccessTo, hostAccessOfRole, revokeHostAccess } from "./host-access";
import { changeAtHostFirst } from "./host-refusal";

/**
 * `hostAccess`, for a project whose repository is in an organization at a git
 * host: "granted" once their account there has access, "waiting" until they
 * connect an account at that host; null for other projects.
 */
export type CollaboratorView = { userId: string; email: string; name: string; handle: string; role: Collaborator["role"]; hostAccess: "granted" | "waiting" | null };

const toView = (project: Project, user: User, collaborator: Pick<Collaborator, "role" | "hostAccount">): CollaboratorView => ({
  userId: user.id,
  email: user.email,
  name: user.name,
  handle: user.handle,
  role: collaborator.role,
  hostAccess: project.backend === "external" ? (collaborator.hostAccount ? "granted" : "waiting") : null,
});

export function listCollaborators({ access }: { access: ProjectAccess }): CollaboratorView[] {
  return listCollaboratorsWithUsers({ projectId: access.project.id }).map(({ collaborator, user }) => toView(access.project, user, collaborator));
}

/** Shares a project with an existing account (owner or admin); on an external project, their account at the host gets access too. */
export async function addCollaborator({ access, email, role, actor }: { access: ProjectAccess; email: string; role: Collaborator["role"]; actor: User }): Promise<CollaboratorView> {
  assertCanManage(access);
  const { project } = access;
  const user = getUserByEmail({ email });
  if (!user) {
    throw new AppError("invalid_input", "No account has this email. Ask an administrator to create it first.", {
      fields: { email: "No account has this email." },
    });
  }
  if (user.id === project.ownerId) {
    throw new AppError("invalid_input", "The owner already has full access.", { fields: { email: "This is the project's owner." } });
  }
  const alreadyThere = () => new AppError("conflict", `${user.email} is already a collaborator. Change their role instead.`);
  if (getCollaborator({ projectId: project.id, userId: user.id })) throw alreadyThere();
  const grant = await changeAtHostFirst({ project, what: `${user.email} was not added`, work: () => grantHostAccessTo({ project, user, access: hostAccessOfRole(role) }) });
  const hostAccount = grant.status === "granted" ? grant.account : null;
  try {
    insertCollaborator({ projectId: project.id, userId: user.id, role, hostAccount });
  } catch (error) {
    // Added by another request meanwhile (the host gave the same access twice, which changes nothing there).
    if (String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_CONSTRAINT")) throw alreadyThere();
    throw error;
  }
  recordEvent({ action: "collaborator.added", actor, project, detail: { userId: user.id, email: user.email, role, ...(hostAccount ? { hostAccount: hostAccount.login } : {}) } });
  return toView(project, user, { role, hostAccount });
}

/** Changes a collaborator's role, and their access at the host when they have an account there. */
export async function changeCollaboratorRole({ access, userId, role, actor }: { access: ProjectAccess; userId: string; role: Collaborator["role"]; actor: User }): Promise<CollaboratorView> {
  assertCanManage(access);
  const { project } = access;
  const current = getCollaborator({ projectId: project.id, userId });
  const user = getUserById({ id: userId });
  if (!current || !user) throw notFound("That collaborator");
  // Same role: a collaborator still waiting may have connected since (and their grant failed then): try again.
  if (current.role === role && (project.backend !== "external" || current.hostAccount)) return toView(project, user, current);
  const grant = await changeAtHostFirst({ project, what: `The role of ${user.email} was not changed`, work: () => grantHostAccessTo({ project, user, access: hostAccessOfRole(role), replacing: current.hostAccount }) });
  const hostAccount = grant.status === "granted" ? grant.account : current.hostAccount;
  updateCollaborator({ projectId: project.id, userId, changes: { role, hostAccount } });
  if (current.role !== role) {
    recordEvent({ action: "collaborator.role_changed", actor, project, detail: { userId, email: user.email, from: current.role, to: role } });
  }
  return toView(project, user, { role, hostAccount });
}

/** Removes a collaborator; their account at the host loses its access first. */
export async function removeCollaborator({ access, userId, actor }: { access: ProjectAccess; userId: string; actor: User }): Promise<void> {
  assertCanManage(access);
  const { project } = access;
  const current = getCollaborator({ projectId: project.id, userId });
  if (!current) throw notFound("That collaborator");
  const user = getUserById({ id: userId });
  await changeAtHostFirst({ project, what: `${user?.email ?? "The collaborator"} was not removed`, work: () => revokeHostAccess({ project, user: { id: userId }, account: current.hostAccount }) });
  if (!deleteCollaborator({ projectId: project.id, userId })) throw notFound("That collaborator");
  recordEvent({ action: "collaborator.removed", actor, project, detail: { userId, email: user?.email ?? null } });
}
