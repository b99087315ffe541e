"use client";

import { useTimeZones } from "./browser-clock";

/** The page's one list of time zones, suggested by every time-zone field on it (list={id}). */
export function TimeZoneList({ id }: { id: string }) {
  const zones = useTimeZones();
  return (
    <datalist id={id}>
      {zones.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
}
