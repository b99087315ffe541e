"use client";

import { useState } from "react";
import { checkSchedule, describeSchedule, nextRuns } from "@/lib/schedules";
import { TextInput } from "../../_deployments/text-input";
import { useBrowserTimeZone } from "./browser-clock";
import { RunTimes } from "./run-times";

type Props = {
  /** Prefixes the fields' ids: the new-schedule form and each schedule's edit form differ. */
  idPrefix: string;
  /** The page's datalist of time zones. */
  zoneListId: string;
  cron: string;
  /** The zone to start from; null for the browser's own. */
  timezone: string | null;
  /** The server's refusal of the last submission, and what was submitted. */
  serverErrors?: Record<string, string>;
  submitted?: Record<string, string>;
};

/**
 * The cron expression and the time zone, with a preview under them worked out
 * in the browser as they are typed (lib/schedules, as the server will check
 * them): the schedule in words and its next five run times, or each field's
 * problem under it.
 */
export function ScheduleFields({ idPrefix, zoneListId, cron: initialCron, timezone: initialZone, serverErrors, submitted }: Props) {
  const [cron, setCron] = useState(initialCron);
  const [typedZone, setTypedZone] = useState(initialZone);
  const browserZone = useBrowserTimeZone();
  const timezone = typedZone ?? browserZone ?? "";
  // Only once something is typed: an empty form is not wrong yet.
  const check = cron.trim() === "" ? null : checkSchedule({ cron, timezone });
  const problems = check && !check.ok ? check.fields : {};
  // The server's word on a field holds while the field still says what was sent.
  const serverError = (name: "cron" | "timezone", value: string) => (submitted?.[name] === value ? serverErrors?.[name] : undefined);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput
          id={`${idPrefix}-cron`}
          label="Cron expression"
          name="cron"
          value={cron}
          onChange={setCron}
          required
          placeholder="0 6 * * 1-5"
          hint="Minute, hour, day of month, month, day of week; or @hourly, @daily, @weekly, @monthly."
          error={problems.cron ?? serverError("cron", cron)}
          className="w-full font-mono"
        />
        <TextInput
          id={`${idPrefix}-timezone`}
          label="Time zone"
          name="timezone"
          value={timezone}
          onChange={setTypedZone}
          list={zoneListId}
          required
          hint="The clock the expression is read on, through its daylight-saving changes."
          error={problems.timezone ?? serverError("timezone", timezone)}
        />
      </div>
      <SchedulePreview cron={cron} timezone={timezone} ok={check?.ok === true} />
    </>
  );
}

function SchedulePreview({ cron, timezone, ok }: { cron: string; timezone: string; ok: boolean }) {
  const spec = { cron, timezone };
  return (
    <div role="region" aria-label="Preview" aria-live="polite" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      {ok ? (
        <>
          <p className="font-medium text-slate-800">{describeSchedule(spec)}</p>
          <p className="mt-2 text-xs text-slate-500">Next five runs:</p>
          <RunTimes times={nextRuns(spec, { after: new Date(), count: 5 }).map((at) => at.toISOString())} timezone={timezone.trim()} label="Next runs" />
        </>
      ) : (
        <p className="text-slate-500">Type a cron expression and a time zone to see the schedule in words and its next five runs here.</p>
      )}
    </div>
  );
}
