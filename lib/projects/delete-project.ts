import { deleteProjectRow, type User } from "../db";
import { recordEvent } from "../audit";
import { removeRepository } from "../git-server";
import { assertCanManage, type ProjectAccess } from "./access";

/** Deletes a project and its repository (owner or admin). The audit trail keeps its events. */
export async function deleteProject({ access, actor }: { access: ProjectAccess; actor: User }): Promise<void> {
  assertCanManage(access);
  const { project, owner } = access;
  deleteProjectRow({ id: project.id });
  await removeRepository({ projectId: project.id });
  recordEvent({ action: "project.deleted", actor, project, detail: { name: project.name, owner: owner.handle } });
}
