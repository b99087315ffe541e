import { listAuditEvents, listAuditFacets, type AuditEvent } from "../db";

export type AuditEventView = {
  id: string;
  action: string;
  actor: { id: string; email: string } | null;
  at: string;
  project: { id: string; name: string } | null;
  detail: Record<string, unknown>;
};

export function toAuditEventView(event: AuditEvent): AuditEventView {
  return {
    id: event.id,
    action: event.action,
    actor: event.actorId ? { id: event.actorId, email: event.actorEmail ?? "" } : null,
    at: event.at.toISOString(),
    project: event.projectId ? { id: event.projectId, name: event.projectName ?? "" } : null,
    detail: event.detail,
  };
}

/** One page of events, newest first. */
export function listEvents({
  projectId,
  action,
  actor,
  page,
  perPage,
}: {
  projectId?: string | null;
  action?: string;
  actor?: string;
  page: number;
  perPage: number;
}): { events: AuditEventView[]; nextPage: number | null } {
  const rows = listAuditEvents({ projectId, action, actor, limit: perPage + 1, offset: (page - 1) * perPage });
  return { events: rows.slice(0, perPage).map(toAuditEventView), nextPage: rows.length > perPage ? page + 1 : null };
}

/** The actions and the people in a project's trail, for its filters. */
export function listEventFacets({ projectId }: { projectId: string }): { actions: string[]; actors: { id: string; email: string }[] } {
  return listAuditFacets({ projectId });
}

/** The most events one CSV export holds. */
export const CSV_EXPORT_LIMIT = 10_000;

/** Events as CSV (RFC 4180), for `?format=csv`. */
export function eventsToCsv(events: AuditEventView[]): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [["at", "action", "actor", "project", "detail"].join(",")];
  for (const e of events) {
    lines.push([e.at, e.action, e.actor?.email ?? "", e.project?.name ?? "", JSON.stringify(e.detail)].map(quote).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
