import { recordEvent } from "../audit";
import { deleteCollaborator, getCollaborator, getUserById, insertCollaborator, projectNameTaken, runInTransaction, updateProjectRow, type Project, type User } from "../db";
import { AppError, notFound } from "../errors";
import { assertCanManage, type ProjectAccess } from "./access";
import { grantHostAccessTo } from "./host-access";
import { changeAtHostFirst } from "./host-refusal";
import { rememberOldPath } from "./old-paths";

/**
 * Hands a project to one of its collaborators (owner or admin): they become
 * the owner, and the old owner stays as an editor. On an external project the
 * host follows first (the new owner's account gets write access; the old
 * owner's keeps it, now remembered as an editor's), and when the host refuses
 * nothing changes in Benchtop. The clone URL of a project on Benchtop's git
 * server names the new owner's handle from then on; the old one keeps working
 * for git for OLD_PATH_DAYS.
 */
export async function transferProject({ access, userId, actor }: { access: ProjectAccess; userId: string; actor: User }): Promise<Project> {
  assertCanManage(access);
  const { project, owner } = access;
  const collaborator = getCollaborator({ projectId: project.id, userId });
  const next = collaborator ? getUserById({ id: userId }) : undefined;
  if (!collaborator || !next) {
    throw new AppError("invalid_input", "Ownership goes to one of the project's collaborators: add them first, then hand it over.", { fields: { userId: "Not a collaborator of this project." } });
  }
  if (next.disabled) throw new AppError("invalid_input", `${next.email}'s account is disabled. Choose another collaborator, or ask an administrator to enable it.`, { fields: { userId: "This account is disabled." } });
  if (projectNameTaken({ ownerId: next.id, name: project.name })) {
    throw new AppError("conflict", `${next.email} already has a project named "${project.name}". Rename this project first, then hand it over.`, { fields: { userId: "They have a project with this name." } });
  }
  const grants = await changeAtHostFirst({
    project,
    what: `Ownership was not handed to ${next.email}`,
    work: async () => ({
      next: await grantHostAccessTo({ project, user: next, access: "write", replacing: collaborator.hostAccount }),
      previous: await grantHostAccessTo({ project, user: owner, access: "write" }),
    }),
  });
  const transferred = runInTransaction(() => {
    deleteCollaborator({ projectId: project.id, userId: next.id });
    insertCollaborator({ projectId: project.id, userId: owner.id, role: "editor", hostAccount: grants.previous.status === "granted" ? grants.previous.account : null });
    rememberOldPath({ project, owner });
    const row = updateProjectRow({ id: project.id, changes: { ownerId: next.id } });
    if (!row) throw notFound("That project");
    recordEvent({ action: "project.transferred", actor, project: row, detail: { from: { id: owner.id, email: owner.email }, to: { id: next.id, email: next.email } } });
    return row;
  });
  return transferred;
}
