import type { CronOptions } from "croner";

/**
 * How every schedule is read. Five fields only: deployments run to the minute,
 * and a seconds field would read "0 6 * * 1" as something else entirely.
 *
 * "no-wildcard" is Vixie cron's rule for daylight-saving changes: a job whose
 * minute and hour have no * or step (`30 2 * * *`, `30 2,14 * * *`) runs at its
 * times once a day, at 03:00 when 02:30 does not exist and once when it comes
 * twice; a job with a wildcard or step there (`0 * * * *`, `*\/15 * * * *`)
 * follows the clock: it skips the hour that does not exist and runs in both
 * copies of the hour that comes twice. croner's default would count
 * `30 2,14 * * *` as the second kind and lose that day's 02:30 run in spring.
 *
 * Day of month and day of week combine with OR when both are given, as in
 * every classic cron (croner's default).
 */
export const CRON_OPTIONS = { mode: "5-part", fixedTimeRule: "no-wildcard" } as const satisfies CronOptions;

/** The nicknames croner and cronstrue both know; @reboot is not a time. */
export const CRON_NICKNAMES = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"] as const;
