import { findActiveRun, insertRun, runInTransaction, type Deployment, type Run, type User } from "../db";
import { newId } from "../db/ids";
import { AppError } from "../errors";
import { wakeRunWorker } from "./run-worker";

/**
 * Queues a manual run (a redeploy, or a rollback to an earlier deploy) and wakes
 * this process's run worker. Runs of one deployment never overlap: while one is
 * queued or running, another is refused with what to do (checked and inserted
 * in one transaction, so two clicks at once queue one run).
 */
export function queueManualRun({ deployment, actor, rollbackOfId = null }: { deployment: Deployment; actor: Pick<User, "id">; rollbackOfId?: string | null }): Run {
  const run = runInTransaction(() => {
    const active = findActiveRun({ deploymentId: deployment.id });
    if (active) {
      throw new AppError(
        "conflict",
        `${deployment.name} is already being deployed (a run ${active.status === "queued" ? "is waiting to start" : `started at ${active.startedAt?.toISOString().slice(11, 19)} UTC`}). Wait for it to finish, then try again; the Runs page shows its progress.`,
      );
    }
    return insertRun({ id: newId(), projectId: deployment.projectId, deploymentId: deployment.id, trigger: "manual", requestedById: actor.id, rollbackOfId });
  });
  wakeRunWorker();
  return run;
}
