import { recordEvent } from "../audit";
import { advanceSchedule, findActiveRun, getDeployment, getProjectWithOwnerById, insertRun, listDueSchedules, runInTransaction, type Run, type Schedule } from "../db";
import { newId } from "../db/ids";
import { describeSchedule, planScheduledRun } from "../schedules";

/**
 * Starts the runs of every schedule that is due at `now`. Each due time is
 * claimed by moving the schedule's next run time on with a conditional UPDATE
 * (advanceSchedule), in the same transaction as the run it starts: of several
 * instances, exactly one starts it, and a crash leaves neither half. A schedule
 * that missed several times (the server was down) runs once; one due while its
 * deployment is still being deployed, or stopped, gets a skipped run that says
 * why.
 */
export function startDueSchedules({ now }: { now: Date }): Run[] {
  const started: Run[] = [];
  for (const due of listDueSchedules({ now })) {
    const run = runInTransaction(() => startScheduledRun({ schedule: due, now }));
    if (run) started.push(run);
  }
  return started;
}

function startScheduledRun({ schedule, now }: { schedule: Schedule; now: Date }): Run | null {
  const deployment = getDeployment({ id: schedule.deploymentId });
  const found = getProjectWithOwnerById({ id: schedule.projectId });
  if (!deployment || !found || !schedule.nextRunAt) return null;
  const active = findActiveRun({ deploymentId: deployment.id });
  const spec = { cron: schedule.cron, timezone: schedule.timezone };
  const plan = planScheduledRun({ spec, nextRunAt: schedule.nextRunAt, now, activeRun: active ? { id: active.id, startedAt: active.startedAt ?? active.createdAt } : null });
  if (plan.kind === "not-due") return null;
  if (!advanceSchedule({ id: schedule.id, dueAt: schedule.nextRunAt, nextRunAt: plan.nextRunAt })) return null;
  const base = { id: newId(), projectId: deployment.projectId, deploymentId: deployment.id, scheduleId: schedule.id, trigger: "schedule" as const, dueAt: plan.dueAt };
  const stamp = now.toISOString().slice(11, 19);
  const skipReason = deployment.stopped ? "Skipped: the deployment is stopped. Start it to have its schedule deploy again." : plan.kind === "skip" ? plan.reason : null;
  if (skipReason) {
    const run = insertRun({ ...base, status: "skipped", message: skipReason, log: `${stamp} ${skipReason}\n`, startedAt: now, finishedAt: now });
    recordEvent({ action: "deployment.run_skipped", actor: null, project: found.project, detail: { deployment: deployment.name, deploymentId: deployment.id, runId: run.id, message: skipReason } });
    return run;
  }
  const missed = plan.kind === "run" && plan.missed > 0 ? ` ${plan.missed} later time${plan.missed === 1 ? " was" : "s were"} missed while no server was running; they run once, now.` : "";
  return insertRun({ ...base, log: `${stamp} Due at ${plan.dueAt.toISOString()} (${describeSchedule(spec)}).${missed}\n` });
}
