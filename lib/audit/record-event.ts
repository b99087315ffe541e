import { insertAuditEvent, type Project, type User } from "../db";

/** Appends one event to the audit trail, copying project and actor so the record outlives them. */
export function recordEvent({
  action,
  actor,
  project,
  detail = {},
}: {
  action: string;
  actor: Pick<User, "id" | "email"> | null;
  project?: Pick<Project, "id" | "name"> | null;
  detail?: Record<string, unknown>;
}): void {
  insertAuditEvent({
    action,
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    projectId: project?.id ?? null,
    projectName: project?.name ?? null,
    detail,
  });
}
