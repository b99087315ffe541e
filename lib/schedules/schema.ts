import { z } from "zod";
import { cronProblem, normalizeCron } from "./cron-problem";
import { normalizeTimezone, timezoneProblem } from "./timezone-problem";

/** A problem function as a zod refinement, so the schema and checkSchedule say the same words. */
const refuseWith = (problem: (value: string) => string | null) => (value: string, ctx: z.RefinementCtx) => {
  const message = problem(value);
  if (message) ctx.addIssue({ code: "custom", message });
};

/** Five cron fields or a nickname (@daily); parsed to the form stored (normalizeCron). */
export const cronSchema = z
  .string({ error: 'Give a cron expression, like "0 6 * * 1-5".' })
  .superRefine(refuseWith(cronProblem))
  .transform(normalizeCron);

/** An IANA time zone name Intl knows; parsed to the form stored (normalizeTimezone). */
export const timezoneSchema = z
  .string({ error: "Choose a time zone, like Europe/Berlin or UTC." })
  .superRefine(refuseWith(timezoneProblem))
  .transform(normalizeTimezone);

export const scheduleInputSchema = z.object({ cron: cronSchema, timezone: timezoneSchema });
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;
