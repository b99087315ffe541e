// The operations whose failure Benchtop reports (the red mark, a notification, the
// audit trail). No imports: client components use these names and limits too.

export const FAILED_OPERATIONS = ["copy", "upload", "open", "save", "push", "deploy"] as const;
export type FailedOperation = (typeof FAILED_OPERATIONS)[number];

/** What a session in the browser may report (POST /api/v1/projects/{id}/failures). */
export const SESSION_OPERATIONS = ["open", "save", "push"] as const satisfies readonly FailedOperation[];
export type SessionOperation = (typeof SESSION_OPERATIONS)[number];

/** The longest reason a report may carry (characters). */
export const FAILURE_MESSAGE_MAX = 1000;

/** Each operation as the subject of "… failed". */
export const failedOperationLabels: Record<FailedOperation, string> = {
  copy: "Copy",
  upload: "Upload",
  open: "Opening a session",
  save: "Saving a file",
  push: "Push",
  deploy: "Deployment",
};

/** The label of a stored operation name (one written by an older or newer Benchtop shows as it is). */
export function failedOperationLabel(operation: string): string {
  return (failedOperationLabels as Record<string, string>)[operation] ?? operation;
}
