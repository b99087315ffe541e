// Schedules for redeploying: a five-field cron expression (or a nickname such as
// @daily) read in an IANA time zone. Pure TypeScript without Node modules or a
// database: the form checks and words a schedule in the browser, the worker
// decides in Node what is due. Every function takes the clock as an argument.
//
//   const check = checkSchedule({ cron, timezone });    // { ok: true } | { ok: false, fields: { cron?, timezone? } }
//   describeSchedule({ cron: "0 6 * * 1-5", timezone: "Europe/Berlin" });   // "At 06:00, Monday through Friday, Europe/Berlin"
//   nextRuns(spec, { after: now, count: 5 });            // the next five instants
//   const plan = planScheduledRun({ spec, nextRunAt, now, activeRun });
//   // not-due | run (once, however many times were missed) | skip (a run is still going)
//
// Daylight-saving changes follow Vixie cron (cron-options.ts): a fixed-time job
// (`30 2 * * *`) runs once a day, at 03:00 on the day 02:30 does not exist; an
// interval job (`0 * * * *`) follows the clock, in both copies of a repeated hour.

export type { ScheduleSpec, ScheduleProblems } from "./types";

/** cronSchema, timezoneSchema and scheduleInputSchema ({ cron, timezone }): each refuses with checkSchedule's words and parses to the form stored. */
export { cronSchema, timezoneSchema, scheduleInputSchema, type ScheduleInput } from "./schema";
/** checkSchedule(spec): { ok: true } | { ok: false; fields: { cron?: string; timezone?: string } }. */
export { checkSchedule, type ScheduleCheck } from "./check-schedule";
/** Thrown (code "invalid_schedule", fields) by the functions below for a schedule checkSchedule refuses. */
export { ScheduleError } from "./schedule-error";

/** describeSchedule(spec): the schedule in words on a 24-hour clock, ending with its zone. */
export { describeSchedule } from "./describe-schedule";
/** nextRuns(spec, { after, count }): Date[]; nextRunAfter(spec, after): Date | null; initialNextRunAt(spec, now): Date | null. */
export { nextRuns, nextRunAfter, initialNextRunAt } from "./next-runs";
/** planScheduledRun({ spec, nextRunAt, now, activeRun }): what the worker does now; MISSED_COUNT_LIMIT caps `missed`. */
export { planScheduledRun, MISSED_COUNT_LIMIT, type ScheduledRunPlan, type PlanScheduledRunInput } from "./plan-scheduled-run";
