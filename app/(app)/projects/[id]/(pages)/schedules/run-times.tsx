"use client";

import { useBrowserTimeZone } from "./browser-clock";

const format = (at: Date, timeZone: string) =>
  // The reader's own language and date order (undefined: the browser's locale).
  new Intl.DateTimeFormat(undefined, { timeZone, weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }).format(at);

/**
 * A schedule's next run times, each on the schedule's own clock (what the cron
 * expression means) and, when the reader is elsewhere, on theirs, in their
 * locale. On the server, which knows neither, in UTC (the page's first paint;
 * the browser's own follows at once).
 */
export function RunTimes({ times, timezone, label }: { times: string[]; timezone: string; label: string }) {
  const here = useBrowserTimeZone();
  const showLocal = here !== null && here !== timezone;
  return (
    <div className="overflow-x-auto">
      <table aria-label={label} className="text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-0.5 pr-6 font-medium">{here === null ? "UTC" : timezone}</th>
            {showLocal && <th className="py-0.5 font-medium">Your time ({here})</th>}
          </tr>
        </thead>
        <tbody>
          {times.map((iso) => {
            const at = new Date(iso);
            return (
              <tr key={iso}>
                <td className="py-0.5 pr-6">
                  <time dateTime={iso}>{here === null ? `${iso.slice(0, 16).replace("T", " ")} UTC` : format(at, timezone)}</time>
                </td>
                {showLocal && <td className="py-0.5 text-slate-600">{format(at, here)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
