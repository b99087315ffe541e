import { Cron } from "croner";
import { checkSchedule } from "./check-schedule";
import { CRON_OPTIONS } from "./cron-options";
import { normalizeCron } from "./cron-problem";
import { ScheduleError } from "./schedule-error";
import { timezoneProblem } from "./timezone-problem";
import type { ScheduleSpec } from "./types";

/**
 * croner's reading of a schedule, for computing times only: made without a
 * function, it starts no timer. The zone is checked here because croner takes an
 * empty one as the machine's own. Throws ScheduleError for a schedule
 * checkSchedule refuses.
 */
export function cronFor(spec: ScheduleSpec): Cron {
  const timezone = spec.timezone.trim();
  if (timezoneProblem(timezone) === null) {
    try {
      return new Cron(normalizeCron(spec.cron), { ...CRON_OPTIONS, timezone });
    } catch {
      // Worded below.
    }
  }
  const check = checkSchedule(spec);
  throw new ScheduleError(check.ok ? { cron: `"${spec.cron}" could not be read.` } : check.fields);
}
