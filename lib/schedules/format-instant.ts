/** An instant's wall-clock date and time in a zone: { date: "2026-03-29", time: "03:00:00" }. */
export function wallClock(instant: Date, timezone: string): { date: string; time: string } {
  // Parts rather than a locale's format: engines lay out "en-GB" differently, and
  // h23 keeps midnight "00" where hour12: false gives "24" in some.
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${part("year")}-${part("month")}-${part("day")}`, time: `${part("hour")}:${part("minute")}:${part("second")}` };
}

/**
 * "06:00:00 UTC" when `instant` falls on the same day as `sameDayAs` in the zone,
 * "2026-03-28 06:00:00 Europe/Berlin" otherwise: the zone's own clock, named.
 */
export function formatInstant(instant: Date, timezone: string, sameDayAs?: Date): string {
  const { date, time } = wallClock(instant, timezone);
  const showDate = sameDayAs === undefined || wallClock(sameDayAs, timezone).date !== date;
  return `${showDate ? `${date} ` : ""}${time} ${timezone}`;
}
