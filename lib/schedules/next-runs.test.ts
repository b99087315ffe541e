import { describe, expect, test } from "vitest";
import { wallClock } from "./format-instant";
import { initialNextRunAt, nextRunAfter, nextRuns, ScheduleError } from "./index";

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());
const at = (text: string) => new Date(text);
/** The runs as the zone's clock reads them, "2026-03-29 03:00". */
const local = (dates: Date[], timezone: string) =>
  dates.map((date) => {
    const { date: day, time } = wallClock(date, timezone);
    return `${day} ${time.slice(0, 5)}`;
  });

describe("nextRuns in several zones", () => {
  // Monday 5 January 2026, midnight UTC.
  const after = at("2026-01-05T00:00:00Z");

  test("Europe/Berlin (UTC+1 in winter): weekdays at 06:00", () => {
    const runs = nextRuns({ cron: "0 6 * * 1-5", timezone: "Europe/Berlin" }, { after, count: 5 });
    expect(iso(runs)).toEqual(["2026-01-05T05:00:00.000Z", "2026-01-06T05:00:00.000Z", "2026-01-07T05:00:00.000Z", "2026-01-08T05:00:00.000Z", "2026-01-09T05:00:00.000Z"]);
  });

  test("America/New_York (UTC-5 in winter): daily at 09:30, the first the same UTC day", () => {
    const runs = nextRuns({ cron: "30 9 * * *", timezone: "America/New_York" }, { after, count: 5 });
    expect(iso(runs)).toEqual(["2026-01-05T14:30:00.000Z", "2026-01-06T14:30:00.000Z", "2026-01-07T14:30:00.000Z", "2026-01-08T14:30:00.000Z", "2026-01-09T14:30:00.000Z"]);
  });

  test("Asia/Kolkata (UTC+5:30): daily at 09:00 is 03:30 UTC", () => {
    const runs = nextRuns({ cron: "0 9 * * *", timezone: "Asia/Kolkata" }, { after, count: 5 });
    expect(iso(runs)).toEqual(["2026-01-05T03:30:00.000Z", "2026-01-06T03:30:00.000Z", "2026-01-07T03:30:00.000Z", "2026-01-08T03:30:00.000Z", "2026-01-09T03:30:00.000Z"]);
  });

  test("UTC: every 15 minutes", () => {
    const runs = nextRuns({ cron: "*/15 * * * *", timezone: "UTC" }, { after, count: 5 });
    expect(iso(runs)).toEqual(["2026-01-05T00:15:00.000Z", "2026-01-05T00:30:00.000Z", "2026-01-05T00:45:00.000Z", "2026-01-05T01:00:00.000Z", "2026-01-05T01:15:00.000Z"]);
  });

  test("monthly and nickname schedules", () => {
    expect(iso(nextRuns({ cron: "0 3 1 * *", timezone: "UTC" }, { after, count: 3 }))).toEqual(["2026-02-01T03:00:00.000Z", "2026-03-01T03:00:00.000Z", "2026-04-01T03:00:00.000Z"]);
    expect(iso(nextRuns({ cron: "@weekly", timezone: "UTC" }, { after, count: 2 }))).toEqual(["2026-01-11T00:00:00.000Z", "2026-01-18T00:00:00.000Z"]);
  });

  test("runs are strictly after `after`: a run at that very instant is not the next", () => {
    const spec = { cron: "0 6 * * *", timezone: "UTC" };
    expect(nextRunAfter(spec, at("2026-01-05T06:00:00Z"))?.toISOString()).toBe("2026-01-06T06:00:00.000Z");
    expect(nextRunAfter(spec, at("2026-01-05T05:59:59.999Z"))?.toISOString()).toBe("2026-01-05T06:00:00.000Z");
    expect(nextRunAfter(spec, at("2026-01-05T06:00:00.001Z"))?.toISOString()).toBe("2026-01-06T06:00:00.000Z");
  });

  test("count 0 gives none; a count that is not a whole number is a slip", () => {
    expect(nextRuns({ cron: "* * * * *", timezone: "UTC" }, { after, count: 0 })).toEqual([]);
    expect(() => nextRuns({ cron: "* * * * *", timezone: "UTC" }, { after, count: 1.5 })).toThrow(RangeError);
  });

  test("a schedule checkSchedule refuses throws ScheduleError with its words", () => {
    const call = () => nextRunAfter({ cron: "0 6 * * *", timezone: "Mars/Olympus" }, after);
    expect(call).toThrow(ScheduleError);
    expect(call).toThrow(/"Mars\/Olympus" is not a known time zone/);
    // croner would read an empty zone as the machine's own.
    expect(() => nextRunAfter({ cron: "0 6 * * *", timezone: "" }, after)).toThrow(ScheduleError);
  });

  test("initialNextRunAt: the first time after now, never one that passed", () => {
    const spec = { cron: "0 6 * * *", timezone: "Europe/Berlin" };
    expect(initialNextRunAt(spec, at("2026-01-05T04:00:00Z"))?.toISOString()).toBe("2026-01-05T05:00:00.000Z");
    expect(initialNextRunAt(spec, at("2026-01-05T05:00:00Z"))?.toISOString()).toBe("2026-01-06T05:00:00.000Z");
  });
});

type DaylightSavingCase = { cron: string; timezone: string; after: string; instants: string[]; clock: string[] };

// Each case starts before a change and lists the runs as instants and as the zone's clock reads them.
const daylightSaving: Record<string, DaylightSavingCase> = {
  "Berlin, spring forward on 29 March 2026 (02:00 becomes 03:00): a 02:30 job runs once at 03:00, then at 02:30 again": {
    cron: "30 2 * * *",
    timezone: "Europe/Berlin",
    after: "2026-03-27T12:00:00Z",
    instants: ["2026-03-28T01:30:00.000Z", "2026-03-29T01:00:00.000Z", "2026-03-30T00:30:00.000Z"],
    clock: ["2026-03-28 02:30", "2026-03-29 03:00", "2026-03-30 02:30"],
  },
  "Berlin, spring forward: an hourly job has no 02:00 that day": {
    cron: "0 * * * *",
    timezone: "Europe/Berlin",
    after: "2026-03-28T23:30:00Z",
    instants: ["2026-03-29T00:00:00.000Z", "2026-03-29T01:00:00.000Z", "2026-03-29T02:00:00.000Z"],
    clock: ["2026-03-29 01:00", "2026-03-29 03:00", "2026-03-29 04:00"],
  },
  "Berlin, spring forward: a job at listed hours keeps its 02:30 run too (Vixie cron's rule)": {
    cron: "30 2,14 * * *",
    timezone: "Europe/Berlin",
    after: "2026-03-28T15:00:00Z",
    instants: ["2026-03-29T01:00:00.000Z", "2026-03-29T12:30:00.000Z", "2026-03-30T00:30:00.000Z"],
    clock: ["2026-03-29 03:00", "2026-03-29 14:30", "2026-03-30 02:30"],
  },
  "Berlin, a daily 06:00 job keeps its local time across the change": {
    cron: "0 6 * * *",
    timezone: "Europe/Berlin",
    after: "2026-03-28T00:00:00Z",
    instants: ["2026-03-28T05:00:00.000Z", "2026-03-29T04:00:00.000Z"],
    clock: ["2026-03-28 06:00", "2026-03-29 06:00"],
  },
  // 00:30Z is 02:30 summer time; 01:30Z, 02:30 winter time, is not run.
  "Berlin, fall back on 25 October 2026 (03:00 becomes 02:00 again): a 02:30 job runs once, at the first 02:30": {
    cron: "30 2 * * *",
    timezone: "Europe/Berlin",
    after: "2026-10-24T12:00:00Z",
    instants: ["2026-10-25T00:30:00.000Z", "2026-10-26T01:30:00.000Z"],
    clock: ["2026-10-25 02:30", "2026-10-26 02:30"],
  },
  "Berlin, fall back: an hourly job runs in both 02:00s, at 00:00Z (summer time) and 01:00Z (winter time)": {
    cron: "0 * * * *",
    timezone: "Europe/Berlin",
    after: "2026-10-24T22:30:00Z",
    instants: ["2026-10-24T23:00:00.000Z", "2026-10-25T00:00:00.000Z", "2026-10-25T01:00:00.000Z", "2026-10-25T02:00:00.000Z"],
    clock: ["2026-10-25 01:00", "2026-10-25 02:00", "2026-10-25 02:00", "2026-10-25 03:00"],
  },
  "New York, spring forward on 8 March 2026 (02:00 becomes 03:00): a 02:30 job runs once at 03:00": {
    cron: "30 2 * * *",
    timezone: "America/New_York",
    after: "2026-03-07T12:00:00Z",
    instants: ["2026-03-08T07:00:00.000Z", "2026-03-09T06:30:00.000Z"],
    clock: ["2026-03-08 03:00", "2026-03-09 02:30"],
  },
  "New York, spring forward: an hourly job goes from 01:00 to 03:00": {
    cron: "0 * * * *",
    timezone: "America/New_York",
    after: "2026-03-08T05:30:00Z",
    instants: ["2026-03-08T06:00:00.000Z", "2026-03-08T07:00:00.000Z", "2026-03-08T08:00:00.000Z"],
    clock: ["2026-03-08 01:00", "2026-03-08 03:00", "2026-03-08 04:00"],
  },
  "New York, fall back on 1 November 2026 (02:00 becomes 01:00 again): a 01:30 job runs once, at the first 01:30": {
    cron: "30 1 * * *",
    timezone: "America/New_York",
    after: "2026-10-31T12:00:00Z",
    instants: ["2026-11-01T05:30:00.000Z", "2026-11-02T06:30:00.000Z"],
    clock: ["2026-11-01 01:30", "2026-11-02 01:30"],
  },
  "New York, fall back: an hourly job runs in both 01:00s, at 05:00Z (EDT) and 06:00Z (EST)": {
    cron: "0 * * * *",
    timezone: "America/New_York",
    after: "2026-11-01T03:30:00Z",
    instants: ["2026-11-01T04:00:00.000Z", "2026-11-01T05:00:00.000Z", "2026-11-01T06:00:00.000Z", "2026-11-01T07:00:00.000Z"],
    clock: ["2026-11-01 00:00", "2026-11-01 01:00", "2026-11-01 01:00", "2026-11-01 02:00"],
  },
};

describe("daylight saving", () => {
  test.each(Object.entries(daylightSaving))("%s", (_, { cron, timezone, after, instants, clock }) => {
    const runs = nextRuns({ cron, timezone }, { after: at(after), count: instants.length });
    expect(iso(runs)).toEqual(instants);
    expect(local(runs, timezone)).toEqual(clock);
  });
});
