import { Cron } from "croner";
import { CRON_OPTIONS } from "./cron-options";

type CronField = { name: string; range: string; forms: string };

const EVERY_FIELD_FORMS = "ranges (1-5), lists (1,3) or steps (*/15)";

/** The five fields in order, with the values each takes, for messages. */
const FIELDS: readonly CronField[] = [
  { name: "minute", range: "0-59", forms: `numbers 0-59, ${EVERY_FIELD_FORMS}` },
  { name: "hour", range: "0-23", forms: `numbers 0-23, ${EVERY_FIELD_FORMS}` },
  { name: "day of month", range: "1-31", forms: `numbers 1-31, L (the last day), 15W (the weekday nearest the 15th), ${EVERY_FIELD_FORMS}` },
  { name: "month", range: "1-12 (or JAN-DEC)", forms: `numbers 1-12, JAN-DEC, ${EVERY_FIELD_FORMS}` },
  { name: "day of week", range: "0-7 (0 and 7 are Sunday) or SUN-SAT", forms: `numbers 0-7 (0 and 7 are Sunday), SUN-SAT, 5L (the last Friday), 1#2 (the second Monday), ${EVERY_FIELD_FORMS}` },
];

/**
 * Why one field of a five-field expression is refused, found by reading that
 * field alone (the others `*`) so the message can name it. croner's own words
 * are rephrased: its numbers are sometimes off by one ("32" in day of month is
 * reported as "Invalid value for day: 31") and it names fields by entry number.
 */
export function fieldProblem(fields: readonly string[]): string | null {
  for (const [index, field] of FIELDS.entries()) {
    const value = fields[index] ?? "";
    const alone = FIELDS.map((_, other) => (other === index ? value : "*")).join(" ");
    try {
      new Cron(alone, CRON_OPTIONS);
    } catch (error) {
      return explain(field, value, error instanceof Error ? error.message : String(error));
    }
  }
  return null;
}

function explain(field: CronField, value: string, reason: string): string {
  if (/Invalid value for/.test(reason)) return `${field.name} must be ${field.range}`;
  if (/steps cannot be greater/.test(reason)) return `${field.name} "${value}" has a step larger than the field's range, ${field.range}`;
  if (/illegal stepping/.test(reason)) return `${field.name} "${value}" has a step of 0: use a step of 1 or more`;
  if (/larger than to value/.test(reason)) return `${field.name} "${value}" is a range that runs backwards: write the smaller value first`;
  if (/numeric prefix/.test(reason)) return `${field.name} "${value}" is not a step cron understands: write */15 (every 15) or 10-50/15 (every 15 from 10 to 50)`;
  if (/nth weekday out of range/.test(reason)) return `${field.name} "${value}": the number after # must be 1-5 (the first to the fifth such day of the month)`;
  if (/is empty/.test(reason)) return `${field.name} "${value}" has an empty item in its list: remove the extra comma`;
  return `${field.name} "${value}" is not understood: use ${field.forms}`;
}
