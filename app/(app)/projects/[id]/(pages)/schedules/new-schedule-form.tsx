"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/components/form-message";
import { SelectField } from "@/app/components/select-field";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import { createScheduleAction } from "../../_deployments/schedule-actions";
import { ScheduleFields } from "./schedule-fields";

type Props = { projectId: string; deployments: { id: string; name: string }[]; zoneListId: string; scheduleCount: number };

/** A new schedule: which deployment, when (cron) and on which clock (zone), previewed as it is typed. */
export function NewScheduleForm({ projectId, deployments, zoneListId, scheduleCount }: Props) {
  const [state, action] = useActionState<ActionState, FormData>(createScheduleAction.bind(null, projectId), { status: "idle" });
  return (
    <form action={action} aria-label="New schedule" className="space-y-4">
      <FormMessage state={state} />
      <SelectField
        label="Deployment"
        name="deploymentId"
        defaultValue={state.values?.deploymentId ?? deployments[0]?.id ?? ""}
        options={deployments.map((d) => ({ value: d.id, label: d.name }))}
        error={state.fieldErrors?.deploymentId}
        hint="Each run redeploys it: a branch it follows brings its latest commit."
      />
      {/* Emptied once a schedule is added (the list grows), ready for the next one. */}
      <ScheduleFields key={scheduleCount} idPrefix="new-schedule" zoneListId={zoneListId} cron="" timezone={null} serverErrors={state.fieldErrors} submitted={state.values} />
      <SubmitButton>Add schedule</SubmitButton>
    </form>
  );
}
