import { describe, expect, test } from "vitest";
import { MISSED_COUNT_LIMIT, planScheduledRun, ScheduleError } from "./index";

const at = (text: string) => new Date(text);
const daily = { cron: "0 6 * * *", timezone: "UTC" };

describe("planScheduledRun", () => {
  test("not due: no time stored, or the stored time is still ahead", () => {
    expect(planScheduledRun({ spec: daily, nextRunAt: null, now: at("2026-06-10T12:00:00Z"), activeRun: null })).toEqual({ kind: "not-due" });
    expect(planScheduledRun({ spec: daily, nextRunAt: at("2026-06-10T06:00:00Z"), now: at("2026-06-10T05:59:59Z"), activeRun: null })).toEqual({ kind: "not-due" });
  });

  test("not due with a run going is still just not due", () => {
    const activeRun = { id: "run-1", startedAt: at("2026-06-10T05:00:00Z") };
    expect(planScheduledRun({ spec: daily, nextRunAt: at("2026-06-10T06:00:00Z"), now: at("2026-06-10T05:30:00Z"), activeRun })).toEqual({ kind: "not-due" });
  });

  test("due at this very moment: run, nothing missed, next time strictly after now", () => {
    const now = at("2026-06-10T06:00:00Z");
    expect(planScheduledRun({ spec: daily, nextRunAt: now, now, activeRun: null })).toEqual({ kind: "run", dueAt: now, missed: 0, nextRunAt: at("2026-06-11T06:00:00Z") });
  });

  test("due three days ago: one run for the time it was due, the two times since are missed, next after now", () => {
    const dueAt = at("2026-06-07T06:00:00Z");
    const plan = planScheduledRun({ spec: daily, nextRunAt: dueAt, now: at("2026-06-10T05:00:00Z"), activeRun: null });
    expect(plan).toEqual({ kind: "run", dueAt, missed: 2, nextRunAt: at("2026-06-10T06:00:00Z") });
  });

  test("a time that fell exactly at now counts as missed, and the next is tomorrow's", () => {
    const dueAt = at("2026-06-07T06:00:00Z");
    const plan = planScheduledRun({ spec: daily, nextRunAt: dueAt, now: at("2026-06-10T06:00:00Z"), activeRun: null });
    expect(plan).toEqual({ kind: "run", dueAt, missed: 3, nextRunAt: at("2026-06-11T06:00:00Z") });
  });

  test("in a zone: the next time is the zone's 06:00 after now", () => {
    const spec = { cron: "0 6 * * *", timezone: "Europe/Berlin" };
    const dueAt = at("2026-06-08T04:00:00Z");
    const plan = planScheduledRun({ spec, nextRunAt: dueAt, now: at("2026-06-09T10:00:00Z"), activeRun: null });
    expect(plan).toEqual({ kind: "run", dueAt, missed: 1, nextRunAt: at("2026-06-10T04:00:00Z") });
  });

  test("a long gap stops counting at MISSED_COUNT_LIMIT and still finds the next time after now", () => {
    const spec = { cron: "* * * * *", timezone: "UTC" };
    const plan = planScheduledRun({ spec, nextRunAt: at("2026-05-01T00:00:00Z"), now: at("2026-06-01T00:00:30Z"), activeRun: null });
    expect(plan).toEqual({ kind: "run", dueAt: at("2026-05-01T00:00:00Z"), missed: MISSED_COUNT_LIMIT, nextRunAt: at("2026-06-01T00:01:00Z") });
  });

  test("runs never overlap: a run still going means skip, with the reason, and the next time moves past now", () => {
    const activeRun = { id: "run-1", startedAt: at("2026-06-10T06:00:00Z") };
    const plan = planScheduledRun({ spec: { cron: "*/30 * * * *", timezone: "UTC" }, nextRunAt: at("2026-06-10T06:30:00Z"), now: at("2026-06-10T06:30:05Z"), activeRun });
    expect(plan).toEqual({ kind: "skip", dueAt: at("2026-06-10T06:30:00Z"), reason: "Skipped: the run started at 06:00:00 UTC was still running.", nextRunAt: at("2026-06-10T07:00:00Z") });
  });

  test("the reason reads the start on the schedule's clock, with the date when it was another day there", () => {
    const spec = { cron: "0 6 * * *", timezone: "Europe/Berlin" };
    const activeRun = { id: "run-1", startedAt: at("2026-03-28T22:30:15Z") };
    const plan = planScheduledRun({ spec, nextRunAt: at("2026-03-29T04:00:00Z"), now: at("2026-03-29T04:00:01Z"), activeRun });
    expect(plan).toEqual({
      kind: "skip",
      dueAt: at("2026-03-29T04:00:00Z"),
      reason: "Skipped: the run started at 2026-03-28 23:30:15 Europe/Berlin was still running.",
      nextRunAt: at("2026-03-30T04:00:00Z"),
    });
  });

  test("a due schedule checkSchedule refuses throws ScheduleError", () => {
    expect(() => planScheduledRun({ spec: { cron: "0 * * * * *", timezone: "UTC" }, nextRunAt: at("2026-06-10T06:00:00Z"), now: at("2026-06-10T07:00:00Z"), activeRun: null })).toThrow(ScheduleError);
  });
});
