"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { ActionButton } from "@/app/components/action-button";
import { ConfirmActionButton } from "@/app/components/confirm-action-button";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ScheduleView } from "@/lib/deployments";
import type { ActionState } from "@/lib/http/action-state";
import { changeScheduleAction, deleteScheduleAction, setScheduleEnabledAction } from "../../_deployments/schedule-actions";
import { RunTimes } from "./run-times";
import { ScheduleFields } from "./schedule-fields";

type Props = { projectId: string; schedule: ScheduleView; canEdit: boolean; zoneListId: string };

/** One schedule: its deployment, expression, words, zone and next runs; for editors Enable/Disable, Edit and Delete. */
export function ScheduleItem({ projectId, schedule, canEdit, zoneListId }: Props) {
  const [editing, setEditing] = useState(false);
  const name = schedule.deploymentName ?? "a deleted deployment";
  return (
    <li aria-label={`Schedule of ${name}: ${schedule.description}`} className="space-y-3 px-4 py-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/projects/${projectId}/deployments/${schedule.deploymentId}`} className="break-all font-medium text-indigo-700 hover:underline">
          {name}
        </Link>
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{schedule.cron}</code>
        {schedule.enabled ? (
          <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-semibold text-green-800">enabled</span>
        ) : (
          <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold text-slate-600">disabled</span>
        )}
      </div>
      <p className="text-slate-800">{schedule.description}</p>
      {schedule.enabled ? (
        <RunTimes times={schedule.nextRuns} timezone={schedule.timezone} label={`Next runs of ${name}`} />
      ) : (
        <p className="text-slate-500">Disabled: it does not run until it is enabled again (times missed meanwhile are not made up).</p>
      )}
      {canEdit && (
        <div className="flex flex-wrap items-start gap-3">
          <ActionButton action={setScheduleEnabledAction.bind(null, projectId, schedule.id, !schedule.enabled)} variant="plain" label={`${schedule.enabled ? "Disable" : "Enable"} the schedule of ${name}`}>
            {schedule.enabled ? "Disable" : "Enable"}
          </ActionButton>
          <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50">
            {editing ? "Close" : "Edit"}
          </button>
          <span className="ml-auto pt-1.5">
            <ConfirmActionButton action={deleteScheduleAction.bind(null, projectId, schedule.id)} label={`Delete the schedule of ${name}`} confirmText={`Delete the schedule "${schedule.description}" of ${name}? It stops redeploying at once.`}>
              Delete
            </ConfirmActionButton>
          </span>
        </div>
      )}
      {canEdit && editing && <EditScheduleForm projectId={projectId} schedule={schedule} zoneListId={zoneListId} onSaved={() => setEditing(false)} />}
    </li>
  );
}

/** Closes itself once saved: the schedule above then shows the new expression, words and times. */
function EditScheduleForm({ projectId, schedule, zoneListId, onSaved }: Omit<Props, "canEdit"> & { onSaved: () => void }) {
  const [state, action] = useActionState<ActionState, FormData>(async (prev, formData) => {
    const next = await changeScheduleAction(projectId, schedule.id, prev, formData);
    if (next.status === "success") onSaved();
    return next;
  }, { status: "idle" });
  return (
    <form action={action} aria-label="Edit schedule" className="space-y-4 rounded-md border border-slate-200 p-4">
      <FormMessage state={state} />
      <ScheduleFields idPrefix={`schedule-${schedule.id}`} zoneListId={zoneListId} cron={schedule.cron} timezone={schedule.timezone} serverErrors={state.fieldErrors} submitted={state.values} />
      <SubmitButton>Save schedule</SubmitButton>
    </form>
  );
}
