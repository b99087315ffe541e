import { insertAuditEvent, listRecentEventsOf, runInTransaction, type Project, type User } from "../db";

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

/** Opening a session again within this time records no new `session.opened`. */
export const SESSION_EVENT_WINDOW_MS = 60_000;

/**
 * recordEvent, unless the same actor recorded the same action with the same
 * detail on the same project (or on none) within `withinMs`: opening a session
 * five times in a minute is one event. Checked and written in one transaction,
 * so two requests at once record it once.
 */
export function recordEventUnlessRecent({
  action,
  actor,
  project = null,
  detail = {},
  withinMs,
}: {
  action: string;
  actor: Pick<User, "id" | "email">;
  project?: Pick<Project, "id" | "name"> | null;
  detail?: Record<string, unknown>;
  withinMs: number;
}): boolean {
  const same = JSON.stringify(detail);
  return runInTransaction(() => {
    const recent = listRecentEventsOf({ action, actorId: actor.id, projectId: project?.id ?? null, since: new Date(Date.now() - withinMs) });
    if (recent.some((event) => JSON.stringify(event.detail) === same)) return false;
    recordEvent({ action, actor, project, detail });
    return true;
  });
}
