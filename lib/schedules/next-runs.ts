import { cronFor } from "./cron-job";
import type { ScheduleSpec } from "./types";

/**
 * The next `count` times the schedule runs, strictly after `after`, as instants
 * (daylight-saving changes as cron-options.ts describes). Fewer when it stops
 * running, which a valid schedule never does.
 */
export function nextRuns(spec: ScheduleSpec, { after, count }: { after: Date; count: number }): Date[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number, 0 or more; got ${count}.`);
  const cron = cronFor(spec);
  const runs: Date[] = [];
  // croner counts in whole seconds and returns runs strictly after the instant it is given.
  for (let run = cron.nextRun(after); run !== null && runs.length < count; run = cron.nextRun(run)) runs.push(run);
  return runs;
}

/** The first time the schedule runs strictly after `after`, or null when it never runs again. */
export function nextRunAfter(spec: ScheduleSpec, after: Date): Date | null {
  return cronFor(spec).nextRun(after);
}

/**
 * When a new or re-enabled schedule is first due: its first time after `now`. A
 * time that passed while it was off is not owed.
 */
export function initialNextRunAt(spec: ScheduleSpec, now: Date): Date | null {
  return nextRunAfter(spec, now);
}
