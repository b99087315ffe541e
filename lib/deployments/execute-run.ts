import { recordEvent } from "../audit";
import { finishHeldRun, getDeployment, getProjectWithOwnerById, getUserById, insertDeploy, renewRunLease, runInTransaction, updateDeployment, type Run } from "../db";
import { newId } from "../db/ids";
import { notify, toPlainText } from "../notifications";
import { prepareDeployTarget } from "./deploy-target";
import { RunLog } from "./run-log";

/** How long a claimed run is held before another instance may call it abandoned; renewed every third of it. */
export const RUN_LEASE_MS = 60_000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs a run this instance claimed: prepares its commit in the deployment's
 * store, then in one transaction records the deploy, makes it the one served
 * and ends the run. A failure changes nothing that is served (the previous
 * deploy keeps serving): the run ends failed with the reason, the deployment is
 * marked red, the project's owner is notified and the audit trail says why.
 * While it works the lease is renewed with the log so far.
 */
export async function executeRun({ run, instanceId, now = () => new Date() }: { run: Run; instanceId: string; now?: () => Date }): Promise<void> {
  const log = new RunLog(now);
  const renewal = setInterval(() => renewRunLease({ id: run.id, instanceId, leaseUntil: new Date(now().getTime() + RUN_LEASE_MS), log: log.toString() }), RUN_LEASE_MS / 3);
  renewal.unref();
  const deployment = getDeployment({ id: run.deploymentId });
  const found = getProjectWithOwnerById({ id: run.projectId });
  try {
    if (!deployment || !found) return;
    log.add(`Run ${run.id} (${run.trigger}) started on ${instanceId}.`);
    const deployId = newId();
    try {
      const target = await prepareDeployTarget({ run, deployment, project: found.project, deployId, log });
      log.add(`Serving commit ${target.commit.slice(0, 7)} from now on.`);
      runInTransaction(() => {
        insertDeploy({ id: deployId, deploymentId: deployment.id, commit: target.commit, ref: target.ref, runId: run.id, deployedById: run.requestedById, rollbackOfId: target.rollbackOfId });
        const pinned = !deployment.track && !target.rollbackOfId ? { pinnedCommit: target.commit } : {};
        updateDeployment({ id: deployment.id, changes: { currentDeployId: deployId, failure: null, failedRunId: null, ...pinned } });
        if (!finishHeldRun({ id: run.id, instanceId, status: "succeeded", commit: target.commit, message: null, log: log.toString(), now: now() })) {
          throw new Error("This run was taken over (its lease ran out) before it finished.");
        }
        recordEvent({
          action: target.rollbackOfId ? "deployment.rolled_back" : "deployment.deployed",
          actor: run.requestedById ? (getUserById({ id: run.requestedById }) ?? null) : null,
          project: found.project,
          detail: { deployment: deployment.name, deploymentId: deployment.id, commit: target.commit, ref: target.ref, runId: run.id, trigger: run.trigger, requestedById: run.requestedById },
        });
      });
    } catch (error) {
      const reason = toPlainText(messageOf(error), 1000);
      log.add(`Failed: ${reason}`);
      runInTransaction(() => {
        if (!finishHeldRun({ id: run.id, instanceId, status: "failed", commit: null, message: reason, log: log.toString(), now: now() })) return;
        updateDeployment({ id: deployment.id, changes: { failure: reason, failedRunId: run.id } });
        recordEvent({ action: "deployment.run_failed", actor: null, project: found.project, detail: { deployment: deployment.name, deploymentId: deployment.id, runId: run.id, trigger: run.trigger, message: reason } });
        const serving = deployment.currentDeployId ? " The previous deploy keeps serving." : "";
        notify({ userId: found.project.ownerId, kind: "deployment.failed", projectId: found.project.id, message: `Deploying ${deployment.name} of ${found.project.name} failed: ${reason}${serving}` });
      });
    }
  } finally {
    clearInterval(renewal);
  }
}
