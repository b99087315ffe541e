/** A schedule as stored: a five-field cron expression (or a nickname like @daily) read in an IANA time zone. */
export type ScheduleSpec = { cron: string; timezone: string };

/** What is wrong with each field of a schedule, in words for a person (absent: that field is fine). */
export type ScheduleProblems = { cron?: string; timezone?: string };
