import { cronProblem } from "./cron-problem";
import { timezoneProblem } from "./timezone-problem";
import type { ScheduleProblems, ScheduleSpec } from "./types";

export type ScheduleCheck = { ok: true } | { ok: false; fields: ScheduleProblems };

/** Whether a schedule can run, with each field's problem in words when it cannot (the form shows them beside the fields). */
export function checkSchedule(spec: ScheduleSpec): ScheduleCheck {
  const fields: ScheduleProblems = {};
  const cron = cronProblem(spec.cron);
  const timezone = timezoneProblem(spec.timezone);
  if (cron) fields.cron = cron;
  if (timezone) fields.timezone = timezone;
  return cron || timezone ? { ok: false, fields } : { ok: true };
}
