import { and, asc, desc, eq, gte, isNotNull, isNull, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { newId } from "../ids";
import { auditEvents, type AuditEvent } from "../schema";

export function insertAuditEvent(values: Omit<AuditEvent, "id" | "at"> & { at?: Date }): AuditEvent {
  return getDb()
    .insert(auditEvents)
    .values({ id: newId(), at: new Date(), ...values })
    .returning()
    .get();
}

export function listAuditEvents({
  projectId,
  action,
  actor,
  limit,
  offset,
}: {
  /** A project's events; `null` for events that belong to no project; undefined for all. */
  projectId?: string | null;
  action?: string;
  /** Actor id or email. */
  actor?: string;
  limit: number;
  offset: number;
}): AuditEvent[] {
  const conditions: (SQL | undefined)[] = [
    projectId === null ? isNull(auditEvents.projectId) : projectId ? eq(auditEvents.projectId, projectId) : undefined,
    action ? eq(auditEvents.action, action) : undefined,
    actor ? (actor.includes("@") ? eq(auditEvents.actorEmail, actor.toLowerCase()) : eq(auditEvents.actorId, actor)) : undefined,
  ];
  return getDb()
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit)
    .offset(offset)
    .all();
}

/** One actor's events of one action since a time (for a project, or belonging to none), newest first. */
export function listRecentEventsOf({ action, actorId, projectId, since }: { action: string; actorId: string; projectId: string | null; since: Date }): AuditEvent[] {
  return getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.actorId, actorId), projectId === null ? isNull(auditEvents.projectId) : eq(auditEvents.projectId, projectId), gte(auditEvents.at, since)))
    .orderBy(desc(auditEvents.at))
    .all();
}

/** What a project's trail can be filtered by: the actions in it, and everyone who acted (by id, with their email then). */
export function listAuditFacets({ projectId }: { projectId: string }): { actions: string[]; actors: { id: string; email: string }[] } {
  const db = getDb();
  const actions = db.selectDistinct({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.projectId, projectId)).orderBy(asc(auditEvents.action)).all();
  const actors = db
    .selectDistinct({ id: auditEvents.actorId, email: auditEvents.actorEmail })
    .from(auditEvents)
    .where(and(eq(auditEvents.projectId, projectId), isNotNull(auditEvents.actorId)))
    .orderBy(asc(auditEvents.actorEmail))
    .all();
  return { actions: actions.map((row) => row.action), actors: actors.map((row) => ({ id: row.id!, email: row.email ?? "" })) };
}

/** Forgets a deleted project's events (the deletion's own event is recorded afterwards, and kept). */
export function deleteProjectAuditEvents({ projectId }: { projectId: string }): number {
  return getDb().delete(auditEvents).where(eq(auditEvents.projectId, projectId)).run().changes;
}
