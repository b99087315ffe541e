import { expect, test } from "vitest";
import { describeSchedule } from "./index";

test.each([
  ["0 6 * * 1-5", "Europe/Berlin", "At 06:00, Monday through Friday, Europe/Berlin"],
  ["*/15 * * * *", "UTC", "Every 15 minutes, UTC"],
  ["0 0 * * *", "America/New_York", "At 00:00, America/New_York"],
  ["0 22 * * 1-5", "Asia/Kolkata", "At 22:00, Monday through Friday, Asia/Kolkata"],
  ["30 14 1 * *", "UTC", "At 14:30, on day 1 of the month, UTC"],
  ["0 9-17 * * 1-5", "Europe/Berlin", "Every hour, between 09:00 and 17:00, Monday through Friday, Europe/Berlin"],
  ["0 0 * * 5L", "UTC", "At 00:00, on the last Friday of the month, UTC"],
  ["@daily", "UTC", "At 00:00, UTC"],
  ["@weekly", "UTC", "At 00:00, only on Sunday, UTC"],
  ["@MONTHLY", "UTC", "At 00:00, on day 1 of the month, UTC"],
  ["0\t6 * * *", "UTC", "At 06:00, UTC"],
])("%j in %s: %j", (cron, timezone, words) => {
  expect(describeSchedule({ cron, timezone })).toBe(words);
});
