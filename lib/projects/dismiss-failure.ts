import { recordEvent } from "../audit";
import { clearProjectFailure, runInTransaction, type User } from "../db";
import { AppError } from "../errors";
import { canWrite, type ProjectAccess } from "./access";

/** Whether the caller may dismiss the project's red mark: those who may change the project, and whoever reported the failure. */
export function canDismissFailure({ access, user }: { access: ProjectAccess; user: Pick<User, "id"> }): boolean {
  return canWrite(access.role) || (access.project.failedById !== null && access.project.failedById === user.id);
}

/**
 * Clears the project's red mark: recorded as `operation.dismissed` with the
 * operation and reason it had, so that the trail says why the mark went. A
 * project without a mark is left as it is (nothing recorded).
 */
export function dismissProjectFailure({ access, actor }: { access: ProjectAccess; actor: User }): void {
  const { project } = access;
  if (!canDismissFailure({ access, user: actor })) {
    throw new AppError("forbidden", "Only the project's editors, its owner, an administrator or the person who reported the failure can dismiss it.");
  }
  if (!project.failedOperation) return;
  runInTransaction(() => {
    if (clearProjectFailure({ id: project.id })) {
      recordEvent({ action: "operation.dismissed", actor, project, detail: { operation: project.failedOperation, message: project.failedMessage } });
    }
  });
}
