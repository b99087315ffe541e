import { recordEvent } from "../audit";
import { runInTransaction, type User } from "../db";
import { isAppError } from "../errors";
import { HostError } from "../hosts";
import { notify, toPlainText } from "../notifications";
import { FAILURE_MESSAGE_MAX, failedOperationLabel, type FailedOperation } from "./failed-operations";

/**
 * Reports a failure that left no project (a creation, a copy or an upload that
 * was undone): the user is notified and `operation.failed` is recorded without a
 * project (the admin audit trail), with the name the project would have had.
 * Called while handling that failure, it never throws: the failure it reports
 * is what the caller passes on; a report that could not be written is logged.
 */
export function notifyFailure({ user, operation, message, projectName }: { user: Pick<User, "id" | "email">; operation: FailedOperation; message: string; projectName?: string }): void {
  const reason = toPlainText(message, FAILURE_MESSAGE_MAX) || "No reason was given.";
  const subject = `${failedOperationLabel(operation)} failed${projectName ? ` for the new project ${projectName}` : ""}`;
  try {
    runInTransaction(() => {
      recordEvent({ action: "operation.failed", actor: user, detail: { operation, message: reason, ...(projectName ? { projectName } : {}) } });
      notify({ userId: user.id, kind: "operation.failed", message: `${subject}: ${reason} No project was created.` });
    });
  } catch (error) {
    console.error(`Could not report a failed ${operation} to ${user.id}:`, error instanceof Error ? error.message : error);
  }
}

// Refusals of the request itself (a taken name, a bad field, no access) are
// answered on the spot and are not failures of the operation.
const REFUSALS = new Set(["invalid_input", "conflict", "forbidden", "not_found", "unauthorized", "connection_required"]);

/**
 * Whether an error that ended an operation is worth a notification: anything
 * but Benchtop's refusal of the request. A git host's refusal (a HostError,
 * whatever its API code) is a failure of the operation.
 */
export function isOperationFailure(error: unknown): boolean {
  if (!isAppError(error)) return true;
  return error instanceof HostError || !REFUSALS.has(error.apiCode);
}

/** The words of an error for a notification: its own when written for people, else a general one. */
export function failureReason(error: unknown): string {
  return isAppError(error) ? error.message : "Something went wrong on the server. Try again; if it keeps happening, tell an administrator.";
}
