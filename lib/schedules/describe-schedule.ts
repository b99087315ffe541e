import cronstrue from "cronstrue";
import { normalizeCron } from "./cron-problem";
import type { ScheduleSpec } from "./types";

/**
 * The schedule in words on a 24-hour clock, ending with its zone:
 * "At 06:00, Monday through Friday, Europe/Berlin" for `0 6 * * 1-5`.
 * An expression cronstrue cannot word (none that checkSchedule accepts is known)
 * is shown as it is rather than failing a page.
 */
export function describeSchedule(spec: ScheduleSpec): string {
  const cron = normalizeCron(spec.cron);
  let words: string;
  try {
    words = cronstrue.toString(cron, { use24HourTimeFormat: true, throwExceptionOnParseError: true });
  } catch {
    words = `Cron "${cron}"`;
  }
  return `${words}, ${spec.timezone.trim()}`;
}
