const TIMEZONE_MAX_LENGTH = 100;
const EXAMPLES = "like Europe/Berlin, America/New_York or UTC";

/** The zone's name as Intl spells it, or null when Intl does not know it. */
function resolveTimezone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * Why `input` is not a time zone schedules can be read in, in words that say how
 * to fix it, or null. Names are the IANA database's as the JavaScript engine
 * knows them (Intl), so the browser checks what the server will.
 */
export function timezoneProblem(input: string): string | null {
  const name = input.trim();
  if (name === "") return `Choose a time zone, ${EXAMPLES}.`;
  if (name.length > TIMEZONE_MAX_LENGTH) return `A time zone name is at most ${TIMEZONE_MAX_LENGTH} characters.`;
  // Newer engines accept "+01:00" as a zone; it never follows daylight saving, and
  // croner reads only names.
  if (/^[+-]?\d/.test(name)) return `"${name}" is a UTC offset, not a time zone: give the zone's name, ${EXAMPLES}, which follows its daylight saving changes too.`;
  if (resolveTimezone(name) === null) return `"${name}" is not a known time zone: give an IANA time zone name, ${EXAMPLES}.`;
  return null;
}

/**
 * The zone's name as stored: trimmed, and spelled as Intl spells it when only the
 * case differs ("europe/berlin" becomes "Europe/Berlin"). Other aliases are kept
 * as given: engines disagree on which of Asia/Kolkata and Asia/Calcutta is the name.
 */
export function normalizeTimezone(input: string): string {
  const name = input.trim();
  const resolved = resolveTimezone(name);
  return resolved !== null && resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}
