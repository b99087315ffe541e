import { getCollaborator, getProjectWithOwnerById, getProjectWithOwnerByOldPath, getProjectWithOwnerByPath, type Project, type ProjectRole, type User } from "../db";
import { AppError, notFound } from "../errors";
import { isBeingMoved } from "./being-moved";

export type ProjectAccess = { project: Project; owner: User; role: ProjectRole };

/** The role a user has on a project, or undefined when they may not know it exists. */
export function roleOf({ project, user }: { project: Project; user: User }): ProjectRole | undefined {
  if (project.ownerId === user.id) return "owner";
  if (user.role === "admin") return "admin";
  return getCollaborator({ projectId: project.id, userId: user.id })?.role;
}

export const canRead = (role: ProjectRole) => ["owner", "admin", "editor", "viewer"].includes(role);
export const canWrite = (role: ProjectRole) => ["owner", "admin", "editor"].includes(role);
export const canManage = (role: ProjectRole) => role === "owner" || role === "admin";

/**
 * Loads a project for a user. A project the user may not see answers exactly
 * like one that does not exist, so its existence does not leak.
 */
export function loadProject({ id, user }: { id: string; user: User }): ProjectAccess {
  const found = getProjectWithOwnerById({ id });
  const role = found && roleOf({ project: found.project, user });
  if (!found || !role) throw notFound("That project");
  return { ...found, role };
}

/**
 * Loads the project at a git path for a user: the project that has this path
 * now, else one that had it before a rename or a change of owner (for
 * OLD_PATH_DAYS; `oldPathUntil` then says until when). Either way, a project
 * the user may not see answers like no project at all, so an old path reveals
 * no new name.
 */
export function loadProjectByPath({ handle, name, user }: { handle: string; name: string; user: User }): (ProjectAccess & { oldPathUntil: Date | null }) | undefined {
  const current = getProjectWithOwnerByPath({ handle, name });
  const old = current ? undefined : getProjectWithOwnerByOldPath({ handle, name });
  const found = current ?? old;
  const role = found && roleOf({ project: found.project, user });
  return found && role ? { project: found.project, owner: found.owner, role, oldPathUntil: old?.expiresAt ?? null } : undefined;
}

/** The caller may change the project (editor, owner, admin), and no move holds its repository. */
export function assertCanWrite(access: ProjectAccess): void {
  if (!canWrite(access.role)) throw new AppError("forbidden", "You can view this project but not change it. Ask its owner for the editor role.");
  if (isBeingMoved(access.project)) {
    throw new AppError("conflict", `${access.project.name} is being moved to another git host by an administrator; changes are paused for a moment. Try again in a few minutes.`);
  }
}

export function assertCanManage(access: ProjectAccess): void {
  if (!canManage(access.role)) throw new AppError("forbidden", "Only the project's owner or an administrator can do this.");
}
