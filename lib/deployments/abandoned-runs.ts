import { recordEvent } from "../audit";
import { failAbandonedRun, getDeployment, getProjectWithOwnerById, listAbandonedRuns, runInTransaction, updateDeployment } from "../db";
import { notify } from "../notifications";

const INTERRUPTED =
  "Interrupted: the Benchtop server running this deploy stopped before it finished. Nothing of it was served; the previous deploy, if any, keeps serving. Redeploy to try again.";

/**
 * Ends runs whose instance stopped while running them (their lease ran out):
 * failed, with that reason, the deployment marked red and its project's owner
 * told, as for any failed run. A restarted server finds its own interrupted
 * runs this way, and another instance finds those of one that is gone.
 */
export function failAbandonedRuns({ now }: { now: Date }): number {
  let failed = 0;
  for (const run of listAbandonedRuns({ now })) {
    runInTransaction(() => {
      if (!failAbandonedRun({ id: run.id, now, message: INTERRUPTED, log: `${run.log}${now.toISOString().slice(11, 19)} ${INTERRUPTED}\n` })) return;
      failed++;
      const deployment = getDeployment({ id: run.deploymentId });
      const found = getProjectWithOwnerById({ id: run.projectId });
      if (!deployment || !found) return;
      updateDeployment({ id: deployment.id, changes: { failure: INTERRUPTED, failedRunId: run.id } });
      recordEvent({ action: "deployment.run_failed", actor: null, project: found.project, detail: { deployment: deployment.name, deploymentId: deployment.id, runId: run.id, trigger: run.trigger, message: INTERRUPTED } });
      notify({ userId: found.project.ownerId, kind: "deployment.failed", projectId: found.project.id, message: `Deploying ${deployment.name} of ${found.project.name} failed: ${INTERRUPTED}` });
    });
  }
  return failed;
}
