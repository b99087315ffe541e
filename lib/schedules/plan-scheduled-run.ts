import type { Cron } from "croner";
import { cronFor } from "./cron-job";
import { formatInstant } from "./format-instant";
import type { ScheduleSpec } from "./types";

/**
 * How many missed times planScheduledRun counts at most: counting is one croner
 * step (about 50 µs) per time, and an every-minute schedule left for a month
 * would take seconds. `missed === MISSED_COUNT_LIMIT` reads "that many or more".
 */
export const MISSED_COUNT_LIMIT = 1000;

export type ScheduledRunPlan =
  | { kind: "not-due" }
  /** Run once for `dueAt`; `missed` later times passed too (not run); due next at `nextRunAt`. */
  | { kind: "run"; dueAt: Date; missed: number; nextRunAt: Date | null }
  /** Not run: the deployment's previous run had not finished; `reason` in words. */
  | { kind: "skip"; dueAt: Date; reason: string; nextRunAt: Date | null };

export type PlanScheduledRunInput = {
  spec: ScheduleSpec;
  /** When the schedule is next due, as stored (null: not scheduled). */
  nextRunAt: Date | null;
  now: Date;
  /** A run of the same deployment still queued or running. */
  activeRun: { id: string; startedAt: Date } | null;
};

/**
 * What the worker does for one schedule at `now`. A schedule that fell behind
 * (the server was off) runs once, not once per missed time, and is next due at
 * its first time after `now`; runs of one deployment never overlap, so a due
 * time that finds a run still going is skipped, with the reason.
 */
export function planScheduledRun({ spec, nextRunAt, now, activeRun }: PlanScheduledRunInput): ScheduledRunPlan {
  if (nextRunAt === null || nextRunAt.getTime() > now.getTime()) return { kind: "not-due" };
  const cron = cronFor(spec);
  const dueAt = nextRunAt;
  const next = cron.nextRun(now);
  if (activeRun) {
    const started = formatInstant(activeRun.startedAt, spec.timezone.trim(), dueAt);
    return { kind: "skip", dueAt, reason: `Skipped: the run started at ${started} was still running.`, nextRunAt: next };
  }
  return { kind: "run", dueAt, missed: countMissed(cron, dueAt, now), nextRunAt: next };
}

/** The schedule's times after `dueAt` up to and including `now`, up to MISSED_COUNT_LIMIT. */
function countMissed(cron: Cron, dueAt: Date, now: Date): number {
  let missed = 0;
  for (let time = cron.nextRun(dueAt); time !== null && time.getTime() <= now.getTime() && missed < MISSED_COUNT_LIMIT; time = cron.nextRun(time)) {
    missed += 1;
  }
  return missed;
}
