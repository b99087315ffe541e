import { describe, expect, test } from "vitest";
import { checkSchedule, scheduleInputSchema, timezoneSchema } from "./index";

const cronMessage = (cron: string) => {
  const check = checkSchedule({ cron, timezone: "UTC" });
  return check.ok ? null : check.fields.cron;
};
const timezoneMessage = (timezone: string) => {
  const check = checkSchedule({ cron: "0 6 * * *", timezone });
  return check.ok ? null : check.fields.timezone;
};

describe("checkSchedule: the cron expression", () => {
  test.each([
    ["0 6 * * 1-5"],
    ["*/15 * * * *"],
    ["0 0 1 * *"],
    ["30 2,14 * * MON-FRI"],
    ["0 12 * JAN,JUL *"],
    ["0 0 * * 7"],
    ["0 0 L * *"],
    ["0 0 * * 5L"],
    ["0 0 29 2 *"],
    ["@daily"],
    ["@hourly"],
    ["@weekly"],
    ["@monthly"],
    ["@yearly"],
    ["  0\t6  * * *  "],
    ["@DAILY"],
  ])("accepts %j", (cron) => {
    expect(checkSchedule({ cron, timezone: "Europe/Berlin" })).toEqual({ ok: true });
  });

  test("an empty expression asks for one, with an example", () => {
    const expected = 'Give a cron expression, like "0 6 * * 1-5" (06:00 on weekdays), or a nickname like @daily.';
    expect(cronMessage("")).toBe(expected);
    expect(cronMessage("   ")).toBe(expected);
  });

  test("too few or too many fields say how many there are and which five are wanted", () => {
    expect(cronMessage("* * * *")).toBe(
      '"* * * *" has 4 fields: give five (minute, hour, day of month, month and day of week), like "0 6 * * 1-5" (06:00 on weekdays), or a nickname like @daily.',
    );
    expect(cronMessage("0 0 0 0 0 0 0 0")).toMatch(/^"0 0 0 0 0 0 0 0" has 8 fields: give five/);
    expect(cronMessage("daily")).toBe(
      '"daily" is not a cron expression: give five fields (minute, hour, day of month, month and day of week), like "0 6 * * 1-5" (06:00 on weekdays), or a nickname like @daily.',
    );
  });

  test("a seconds field is refused: schedules run to the minute", () => {
    expect(cronMessage("0 * * * * *")).toBe(
      '"0 * * * * *" has 6 fields: schedules run to the minute, so leave out the seconds (and any year) and keep five: minute, hour, day of month, month and day of week.',
    );
    expect(cronMessage("0 0 6 * * * 2026")).toMatch(/^"0 0 6 \* \* \* 2026" has 7 fields: schedules run to the minute/);
  });

  test.each([
    // Out of range: the field and its range.
    ["61 * * * *", "minute must be 0-59"],
    ["0 24 * * *", "hour must be 0-23"],
    ["0 0 32 * *", "day of month must be 1-31"],
    ["0 0 0 * *", "day of month must be 1-31"],
    ["0 0 * 13 *", "month must be 1-12 (or JAN-DEC)"],
    ["0 0 * * 8", "day of week must be 0-7 (0 and 7 are Sunday) or SUN-SAT"],
    ["0-60 * * * *", "minute must be 0-59"],
    // Malformed: the field, its text and what it takes.
    ["*/0 * * * *", 'minute "*/0" has a step of 0: use a step of 1 or more'],
    ["*/61 * * * *", 'minute "*/61" has a step larger than the field\'s range, 0-59'],
    ["0 5-3 * * *", 'hour "5-3" is a range that runs backwards: write the smaller value first'],
    ["15/15 * * * *", 'minute "15/15" is not a step cron understands: write */15 (every 15) or 10-50/15 (every 15 from 10 to 50)'],
    ["0 0 * * 1#6", 'day of week "1#6": the number after # must be 1-5 (the first to the fifth such day of the month)'],
    ["0 0 1,,2 * *", 'day of month "1,,2" has an empty item in its list: remove the extra comma'],
    ["0 0 JAN * *", 'day of month "JAN" is not understood: use numbers 1-31, L (the last day), 15W (the weekday nearest the 15th), ranges (1-5), lists (1,3) or steps (*/15)'],
    ["a 6 * * *", 'minute "a" is not understood: use numbers 0-59, ranges (1-5), lists (1,3) or steps (*/15)'],
    ["-1 * * * *", 'minute "-1" is not understood: use numbers 0-59, ranges (1-5), lists (1,3) or steps (*/15)'],
  ])("%j: a bad field is named", (cron, problem) => {
    expect(cronMessage(cron)).toBe(`"${cron}" is not a valid cron expression: ${problem}.`);
  });

  test("a date that never comes is refused, not stored to never run", () => {
    expect(cronMessage("0 0 30 2 *")).toBe('"0 0 30 2 *" never runs: no month has that day. Check the day of month and the month.');
    expect(cronMessage("0 0 31 4,6 *")).toMatch(/never runs/);
    // Day of month and day of week combine with OR: Mondays in February do come.
    expect(cronMessage("0 0 30 2 1")).toBeNull();
  });

  test("nicknames: the times croner and cronstrue both know; @reboot is not a time", () => {
    expect(cronMessage("@reboot")).toBe(
      '"@reboot" is not a schedule nickname Benchtop knows: use @hourly, @daily, @weekly, @monthly or @yearly, or five fields (minute, hour, day of month, month and day of week).',
    );
    expect(cronMessage("@every 5m")).toMatch(/^"@every 5m" is not a schedule nickname/);
  });
});

describe("checkSchedule: the time zone", () => {
  test.each([["UTC"], ["Europe/Berlin"], ["America/New_York"], ["Asia/Kolkata"], ["europe/berlin"], [" Europe/Berlin "]])("accepts %j", (timezone) => {
    expect(timezoneMessage(timezone)).toBeNull();
  });

  test("an unknown zone names the problem and gives examples", () => {
    expect(timezoneMessage("Mars/Olympus")).toBe('"Mars/Olympus" is not a known time zone: give an IANA time zone name, like Europe/Berlin, America/New_York or UTC.');
  });

  test("an empty zone asks for one", () => {
    expect(timezoneMessage("")).toBe("Choose a time zone, like Europe/Berlin, America/New_York or UTC.");
  });

  test("a UTC offset is refused: it never follows daylight saving", () => {
    expect(timezoneMessage("+01:00")).toBe(
      '"+01:00" is a UTC offset, not a time zone: give the zone\'s name, like Europe/Berlin, America/New_York or UTC, which follows its daylight saving changes too.',
    );
  });

  test("both fields are reported at once", () => {
    expect(checkSchedule({ cron: "61 * * * *", timezone: "Mars/Olympus" })).toEqual({
      ok: false,
      fields: { cron: '"61 * * * *" is not a valid cron expression: minute must be 0-59.', timezone: expect.stringContaining("Mars/Olympus") },
    });
  });
});

describe("scheduleInputSchema", () => {
  test("parses to the form stored: fields one space apart, nicknames in lower case, the zone as Intl spells it", () => {
    expect(scheduleInputSchema.parse({ cron: " 0\t6  * * 1-5 ", timezone: "europe/berlin" })).toEqual({ cron: "0 6 * * 1-5", timezone: "Europe/Berlin" });
    expect(scheduleInputSchema.parse({ cron: "@Daily", timezone: "UTC" })).toEqual({ cron: "@daily", timezone: "UTC" });
  });

  test("refuses with checkSchedule's words, on each field's path", () => {
    const result = scheduleInputSchema.safeParse({ cron: "0 * * * * *", timezone: "Mars/Olympus" });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => ({ path: issue.path, message: issue.message }));
    expect(issues).toEqual([
      { path: ["cron"], message: expect.stringMatching(/^"0 \* \* \* \* \*" has 6 fields/) },
      { path: ["timezone"], message: expect.stringMatching(/^"Mars\/Olympus" is not a known time zone/) },
    ]);
  });

  test("a missing field asks for it", () => {
    const result = scheduleInputSchema.safeParse({});
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['Give a cron expression, like "0 6 * * 1-5".', "Choose a time zone, like Europe/Berlin or UTC."]);
    expect(timezoneSchema.safeParse(42).error?.issues[0]?.message).toBe("Choose a time zone, like Europe/Berlin or UTC.");
  });
});
