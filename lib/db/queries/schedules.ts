import { and, eq, isNotNull, lte } from "drizzle-orm";
import { getDb } from "../client";
import { schedules, type Schedule } from "../schema";

export type { Schedule } from "../schema";

export function insertSchedule(values: typeof schedules.$inferInsert): Schedule {
  return getDb().insert(schedules).values(values).returning().get();
}

export function getSchedule({ id }: { id: string }): Schedule | undefined {
  return getDb().select().from(schedules).where(eq(schedules.id, id)).get();
}

/** A project's schedules, oldest first. */
export function listSchedulesOfProject({ projectId }: { projectId: string }): Schedule[] {
  return getDb().select().from(schedules).where(eq(schedules.projectId, projectId)).orderBy(schedules.createdAt, schedules.id).all();
}

export function listSchedulesOfDeployment({ deploymentId }: { deploymentId: string }): Schedule[] {
  return getDb().select().from(schedules).where(eq(schedules.deploymentId, deploymentId)).orderBy(schedules.createdAt, schedules.id).all();
}

/** Enabled schedules due at `now` (their next run time has come). */
export function listDueSchedules({ now }: { now: Date }): Schedule[] {
  return getDb()
    .select()
    .from(schedules)
    .where(and(eq(schedules.enabled, true), isNotNull(schedules.nextRunAt), lte(schedules.nextRunAt, now)))
    .orderBy(schedules.nextRunAt)
    .all();
}

export function updateSchedule({ id, changes }: { id: string; changes: Partial<Pick<Schedule, "cron" | "timezone" | "enabled" | "nextRunAt">> }): Schedule | undefined {
  return getDb().update(schedules).set(changes).where(eq(schedules.id, id)).returning().get();
}

/**
 * Moves a due schedule on from `dueAt` to `nextRunAt`, only if it is still due
 * at `dueAt`: of several instances handling the same due time, exactly one
 * gets true and starts the run.
 */
export function advanceSchedule({ id, dueAt, nextRunAt }: { id: string; dueAt: Date; nextRunAt: Date | null }): boolean {
  return getDb().update(schedules).set({ nextRunAt }).where(and(eq(schedules.id, id), eq(schedules.enabled, true), eq(schedules.nextRunAt, dueAt))).run().changes > 0;
}

export function deleteScheduleRow({ id }: { id: string }): void {
  getDb().delete(schedules).where(eq(schedules.id, id)).run();
}
