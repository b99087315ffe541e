import { Cron } from "croner";
import { CRON_NICKNAMES, CRON_OPTIONS } from "./cron-options";
import { fieldProblem } from "./cron-fields";

const CRON_MAX_LENGTH = 200;
const EXAMPLE = `like "0 6 * * 1-5" (06:00 on weekdays), or a nickname like @daily`;
const FIELD_NAMES = "minute, hour, day of month, month and day of week";

/**
 * The expression as it is read and stored: trimmed, fields one space apart (cron
 * allows tabs, cronstrue does not), a nickname in lower case (croner reads @DAILY,
 * cronstrue does not).
 */
export function normalizeCron(cron: string): string {
  const spaced = cron.trim().split(/\s+/).join(" ");
  return spaced.startsWith("@") ? spaced.toLowerCase() : spaced;
}

/** Why `cron` is not a schedule Benchtop runs, in words that say how to fix it, or null. */
export function cronProblem(input: string): string | null {
  const cron = normalizeCron(input);
  if (cron === "") return `Give a cron expression, ${EXAMPLE}.`;
  if (cron.length > CRON_MAX_LENGTH) return `A cron expression is at most ${CRON_MAX_LENGTH} characters; this one has ${cron.length}.`;
  if (cron.startsWith("@")) {
    if ((CRON_NICKNAMES as readonly string[]).includes(cron)) return null;
    return `"${cron}" is not a schedule nickname Benchtop knows: use @hourly, @daily, @weekly, @monthly or @yearly, or five fields (${FIELD_NAMES}).`;
  }
  const fields = cron.split(" ");
  if (fields.length === 1) return `"${cron}" is not a cron expression: give five fields (${FIELD_NAMES}), ${EXAMPLE}.`;
  if (fields.length === 6 || fields.length === 7) {
    return `"${cron}" has ${fields.length} fields: schedules run to the minute, so leave out the seconds (and any year) and keep five: ${FIELD_NAMES}.`;
  }
  if (fields.length !== 5) return `"${cron}" has ${fields.length} fields: give five (${FIELD_NAMES}), ${EXAMPLE}.`;
  const problem = fieldProblem(fields) ?? wholeProblem(cron);
  if (problem) return `"${cron}" is not a valid cron expression: ${problem}.`;
  // Five fields can still name a date that never comes (30 February), which
  // croner accepts and never runs.
  if (!firesEver(cron)) return `"${cron}" never runs: no month has that day. Check the day of month and the month.`;
  return null;
}

/** A refusal no single field explains; croner's words without its prefix. */
function wholeProblem(cron: string): string | null {
  try {
    new Cron(cron, CRON_OPTIONS);
    return null;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).replace(/^CronPattern:\s*/, "").replace(/\.$/, "");
  }
}

// A five-field expression has no year, so one that runs at all runs again; croner
// searches up to the year 9999 before it gives up (tens of milliseconds).
function firesEver(cron: string): boolean {
  return new Cron(cron, { ...CRON_OPTIONS, timezone: "UTC" }).nextRun(new Date(0)) !== null;
}
