import { getDeployment, getUserById, type Run } from "../db";

/** A run as the API and the Runs page show it. */
export type RunView = {
  id: string;
  deploymentId: string;
  deploymentName: string | null;
  trigger: Run["trigger"];
  status: Run["status"];
  commit: string | null;
  /** Why it failed or was skipped. */
  message: string | null;
  dueAt: string | null;
  rollbackOf: string | null;
  requestedBy: { id: string; name: string; email: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  log: string;
};

export function toRunView(run: Run): RunView {
  const requester = run.requestedById ? getUserById({ id: run.requestedById }) : undefined;
  return {
    id: run.id,
    deploymentId: run.deploymentId,
    deploymentName: getDeployment({ id: run.deploymentId })?.name ?? null,
    trigger: run.trigger,
    status: run.status,
    commit: run.commit,
    message: run.message,
    dueAt: run.dueAt?.toISOString() ?? null,
    rollbackOf: run.rollbackOfId,
    requestedBy: requester ? { id: requester.id, name: requester.name, email: requester.email } : null,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    log: run.log,
  };
}
