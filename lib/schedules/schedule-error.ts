import type { ScheduleProblems } from "./types";

/**
 * Thrown by the functions that compute with a schedule when they are given one
 * checkSchedule refuses: callers check first, so this is a caller's slip, but its
 * words are still a person's (the API can answer invalid_input with `fields`).
 */
export class ScheduleError extends Error {
  readonly code = "invalid_schedule";
  constructor(readonly fields: ScheduleProblems) {
    super([fields.cron, fields.timezone].filter(Boolean).join(" ") || "The schedule is not valid.");
    this.name = "ScheduleError";
  }
}
