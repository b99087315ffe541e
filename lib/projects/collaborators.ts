import {
  deleteCollaborator,
  getCollaborator,
  getUserByEmail,
  getUserById,
  insertCollaborator,
  listCollaboratorsWithUsers,
  updateCollaboratorRole,
  type Collaborator,
  type User,
} from "../db";
import { recordEvent } from "../audit";
import { AppError, notFound } from "../errors";
import { assertCanManage, type ProjectAccess } from "./access";

export type CollaboratorView = { userId: string; email: string; name: string; handle: string; role: Collaborator["role"] };

export function listCollaborators({ access }: { access: ProjectAccess }): CollaboratorView[] {
  return listCollaboratorsWithUsers({ projectId: access.project.id }).map(({ collaborator, user }) => ({
    userId: user.id,
    email: user.email,
    name: user.name,
    handle: user.handle,
    role: collaborator.role,
  }));
}

/** Shares a project with an existing account (owner or admin). */
export function addCollaborator({ access, email, role, actor }: { access: ProjectAccess; email: string; role: Collaborator["role"]; actor: User }): CollaboratorView {
  assertCanManage(access);
  const user = getUserByEmail({ email });
  if (!user) {
    throw new AppError("invalid_input", "No account has this email. Ask an administrator to create it first.", {
      fields: { email: "No account has this email." },
    });
  }
  if (user.id === access.project.ownerId) {
    throw new AppError("invalid_input", "The owner already has full access.", { fields: { email: "This is the project's owner." } });
  }
  if (getCollaborator({ projectId: access.project.id, userId: user.id })) {
    throw new AppError("conflict", `${user.email} is already a collaborator. Change their role instead.`);
  }
  insertCollaborator({ projectId: access.project.id, userId: user.id, role });
  recordEvent({ action: "collaborator.added", actor, project: access.project, detail: { userId: user.id, email: user.email, role } });
  return { userId: user.id, email: user.email, name: user.name, handle: user.handle, role };
}

export function changeCollaboratorRole({ access, userId, role, actor }: { access: ProjectAccess; userId: string; role: Collaborator["role"]; actor: User }): CollaboratorView {
  assertCanManage(access);
  const current = getCollaborator({ projectId: access.project.id, userId });
  const user = getUserById({ id: userId });
  if (!current || !user) throw notFound("That collaborator");
  if (current.role !== role) {
    updateCollaboratorRole({ projectId: access.project.id, userId, role });
    recordEvent({ action: "collaborator.role_changed", actor, project: access.project, detail: { userId, email: user.email, from: current.role, to: role } });
  }
  return { userId, email: user.email, name: user.name, handle: user.handle, role };
}

export function removeCollaborator({ access, userId, actor }: { access: ProjectAccess; userId: string; actor: User }): void {
  assertCanManage(access);
  const user = getUserById({ id: userId });
  if (!deleteCollaborator({ projectId: access.project.id, userId })) throw notFound("That collaborator");
  recordEvent({ action: "collaborator.removed", actor, project: access.project, detail: { userId, email: user?.email ?? null } });
}
