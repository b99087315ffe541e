import { z } from "zod";
import { recordEvent } from "../audit";
import { deleteScheduleRow, getDeployment, getSchedule, insertSchedule, runInTransaction, updateSchedule, type Deployment, type Schedule, type User } from "../db";
import { newId } from "../db/ids";
import { notFound } from "../errors";
import { assertCanWrite, type ProjectAccess } from "../projects";
import { cronSchema, describeSchedule, initialNextRunAt, nextRuns, timezoneSchema } from "../schedules";

export const createScheduleSchema = z.object({ cron: cronSchema, timezone: timezoneSchema, enabled: z.boolean({ error: "enabled is true or false." }).default(true) }).strict();

export const updateScheduleSchema = z.object({ cron: cronSchema.optional(), timezone: timezoneSchema.optional(), enabled: z.boolean({ error: "enabled is true or false." }).optional() }).strict();

/** A schedule as the API and the Schedules page show it. */
export type ScheduleView = {
  id: string;
  deploymentId: string;
  deploymentName: string | null;
  cron: string;
  timezone: string;
  enabled: boolean;
  description: string;
  /** The next five run times (none while disabled). */
  nextRuns: string[];
  createdAt: string;
};

export function toScheduleView(schedule: Schedule, now = new Date()): ScheduleView {
  const spec = { cron: schedule.cron, timezone: schedule.timezone };
  const upcoming = !schedule.enabled ? [] : schedule.nextRunAt && schedule.nextRunAt > now ? [schedule.nextRunAt, ...nextRuns(spec, { after: schedule.nextRunAt, count: 4 })] : nextRuns(spec, { after: now, count: 5 });
  return {
    id: schedule.id,
    deploymentId: schedule.deploymentId,
    deploymentName: getDeployment({ id: schedule.deploymentId })?.name ?? null,
    cron: schedule.cron,
    timezone: schedule.timezone,
    enabled: schedule.enabled,
    description: describeSchedule(spec),
    nextRuns: upcoming.map((date) => date.toISOString()),
    createdAt: schedule.createdAt.toISOString(),
  };
}

/** A schedule of the project the caller has access to; any other answers like one that does not exist. */
export function loadSchedule({ access, id }: { access: ProjectAccess; id: string }): Schedule {
  const schedule = getSchedule({ id });
  if (!schedule || schedule.projectId !== access.project.id) throw notFound("That schedule");
  return schedule;
}

const audit = (action: string, access: ProjectAccess, actor: User, schedule: Schedule, detail: Record<string, unknown> = {}) =>
  recordEvent({ action, actor, project: access.project, detail: { scheduleId: schedule.id, deploymentId: schedule.deploymentId, deployment: getDeployment({ id: schedule.deploymentId })?.name, cron: schedule.cron, timezone: schedule.timezone, ...detail } });

/** Redeploys `deployment` on a cron expression in an IANA time zone (editors and up). */
export function createSchedule({ access, deployment, input, actor, now = new Date() }: { access: ProjectAccess; deployment: Deployment; input: z.infer<typeof createScheduleSchema>; actor: User; now?: Date }): Schedule {
  assertCanWrite(access);
  const spec = { cron: input.cron, timezone: input.timezone };
  return runInTransaction(() => {
    const schedule = insertSchedule({ id: newId(), projectId: access.project.id, deploymentId: deployment.id, ...spec, enabled: input.enabled, nextRunAt: input.enabled ? initialNextRunAt(spec, now) : null, createdById: actor.id });
    audit("schedule.created", access, actor, schedule, { enabled: schedule.enabled });
    return schedule;
  });
}

/**
 * Edits, enables or disables a schedule. A new expression or zone, or enabling
 * it, counts from now: times that passed while it was disabled are not run.
 */
export function changeSchedule({ access, schedule, input, actor, now = new Date() }: { access: ProjectAccess; schedule: Schedule; input: z.infer<typeof updateScheduleSchema>; actor: User; now?: Date }): Schedule {
  assertCanWrite(access);
  const spec = { cron: input.cron ?? schedule.cron, timezone: input.timezone ?? schedule.timezone };
  const enabled = input.enabled ?? schedule.enabled;
  const respaced = spec.cron !== schedule.cron || spec.timezone !== schedule.timezone || enabled !== schedule.enabled;
  if (!respaced) return schedule;
  return runInTransaction(() => {
    const updated = updateSchedule({ id: schedule.id, changes: { ...spec, enabled, nextRunAt: enabled ? initialNextRunAt(spec, now) : null } })!;
    audit("schedule.updated", access, actor, updated, { enabled, from: { cron: schedule.cron, timezone: schedule.timezone, enabled: schedule.enabled } });
    return updated;
  });
}

export function deleteSchedule({ access, schedule, actor }: { access: ProjectAccess; schedule: Schedule; actor: User }): void {
  assertCanWrite(access);
  runInTransaction(() => {
    audit("schedule.deleted", access, actor, schedule);
    deleteScheduleRow({ id: schedule.id });
  });
}
