import { recordEvent } from "../audit";
import { listRecentEventsOf, runInTransaction, setProjectFailure, type Project, type User } from "../db";
import { AppError } from "../errors";
import { notify, toPlainText } from "../notifications";
import { canRead, canWrite, type ProjectAccess } from "./access";
import { FAILURE_MESSAGE_MAX, failedOperationLabel, type FailedOperation, type SessionOperation } from "./failed-operations";

// A session that fails the same way again and again (a reload loop) tells people once:
// the same report by the same person within a minute, or more than ten in ten minutes,
// keeps the mark current but records and notifies nothing more.
const SAME_REPORT_WINDOW_MS = 60_000;
const BURST_WINDOW_MS = 10 * 60_000;
const BURST_LIMIT = 10;

function isRepeat({ actor, projectId, operation, message }: { actor: Pick<User, "id">; projectId: string; operation: string; message: string }): boolean {
  const now = Date.now();
  const recent = listRecentEventsOf({ action: "operation.failed", actorId: actor.id, projectId, since: new Date(now - BURST_WINDOW_MS) });
  if (recent.length >= BURST_LIMIT) return true;
  return recent.some((event) => event.at.getTime() >= now - SAME_REPORT_WINDOW_MS && event.detail.operation === operation && event.detail.message === message);
}

/**
 * Reports that an operation on a project failed, in one transaction: the
 * project is marked red (operation, reason, time), `operation.failed` is
 * recorded with the operation and the reason, and the actor is notified, and
 * the owner too when someone else's operation failed. The reason is kept as
 * plain text. Answers whether it was news (a repeat only refreshes the mark).
 */
export function reportProjectFailure({
  actor,
  project,
  operation,
  message,
}: {
  actor: Pick<User, "id" | "email">;
  project: Pick<Project, "id" | "name" | "ownerId">;
  operation: FailedOperation;
  message: string;
}): boolean {
  const reason = toPlainText(message, FAILURE_MESSAGE_MAX) || "No reason was given.";
  const label = failedOperationLabel(operation);
  return runInTransaction(() => {
    const repeat = isRepeat({ actor, projectId: project.id, operation, message: reason });
    setProjectFailure({ id: project.id, operation, message: reason, at: new Date(), byId: actor.id });
    if (repeat) return false;
    recordEvent({ action: "operation.failed", actor, project, detail: { operation, message: reason } });
    notify({ userId: actor.id, kind: "operation.failed", projectId: project.id, message: `${label} failed on ${project.name}: ${reason}` });
    if (project.ownerId !== actor.id) {
      notify({ userId: project.ownerId, kind: "operation.failed", projectId: project.id, message: `${label} by ${actor.email} failed on ${project.name}: ${reason}` });
    }
    return true;
  });
}

/**
 * A failure the caller's session met in the browser. Anyone who may see the
 * project may report that opening it failed; saving and pushing are an
 * editor's work, so only those who may change it report their failures.
 */
export function reportSessionFailure({ access, actor, operation, message }: { access: ProjectAccess; actor: User; operation: SessionOperation; message: string }): void {
  const allowed = operation === "open" ? canRead(access.role) : canWrite(access.role);
  if (!allowed) throw new AppError("forbidden", `You can view this project but not change it, so there is no ${operation} of yours to report. Ask its owner for the editor role.`);
  reportProjectFailure({ actor, project: access.project, operation, message });
}
