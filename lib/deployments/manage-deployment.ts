import { recordEvent } from "../audit";
import { deleteDeploymentRow, getDeployOf, runInTransaction, updateDeployment, type Deployment, type Run, type User } from "../db";
import { AppError, notFound } from "../errors";
import { assertCanWrite, type ProjectAccess } from "../projects";
import { assertNameFree, assertRefExists, assertVisibilityAllowed } from "./create-deployment";
import { removeStore } from "./deploy-store";
import { queueManualRun } from "./queue-run";
import type { UpdateDeploymentInput } from "./schema";

type Change = { access: ProjectAccess; deployment: Deployment; actor: User };

const audit = (action: string, { access, deployment, actor }: Change, detail: Record<string, unknown> = {}) =>
  recordEvent({ action, actor, project: access.project, detail: { deployment: deployment.name, deploymentId: deployment.id, ...detail } });

/** Deploys the deployment's ref again (a tracked branch's latest commit): a manual run. */
export function redeploy(change: Change): Run {
  assertCanWrite(change.access);
  if (change.deployment.stopped) throw new AppError("conflict", `${change.deployment.name} is stopped. Start it first; starting deploys it again.`);
  return queueManualRun({ deployment: change.deployment, actor: change.actor });
}

/** Serves an earlier deploy's commit again, as a new deploy in the history: a manual run. */
export function rollBack({ deployId, ...change }: Change & { deployId: string }): Run {
  assertCanWrite(change.access);
  const earlier = getDeployOf({ deploymentId: change.deployment.id, id: deployId });
  if (!earlier) throw notFound("That deploy");
  if (earlier.id === change.deployment.currentDeployId) throw new AppError("conflict", `That deploy (${earlier.commit.slice(0, 7)}) is the one being served already.`);
  if (change.deployment.stopped) throw new AppError("conflict", `${change.deployment.name} is stopped. Start it first, then roll back.`);
  return queueManualRun({ deployment: change.deployment, actor: change.actor, rollbackOfId: earlier.id });
}

/** No longer served (its URL says it is stopped); configuration, history and schedules are kept, and schedules skip. */
export function stopDeployment(change: Change): Deployment {
  assertCanWrite(change.access);
  if (change.deployment.stopped) return change.deployment;
  return runInTransaction(() => {
    audit("deployment.stopped", change);
    return updateDeployment({ id: change.deployment.id, changes: { stopped: true } })!;
  });
}

/** Served again: its current deploy at once, or, when it never deployed, a first run. */
export function startDeployment(change: Change): { deployment: Deployment; run: Run | null } {
  assertCanWrite(change.access);
  if (!change.deployment.stopped) return { deployment: change.deployment, run: null };
  const deployment = runInTransaction(() => {
    audit("deployment.started", change);
    return updateDeployment({ id: change.deployment.id, changes: { stopped: false } })!;
  });
  const run = deployment.currentDeployId ? null : queueManualRun({ deployment, actor: change.actor });
  return { deployment, run };
}

/** Changes name, visibility or what it deploys; a new ref or track setting queues a deploy of it. */
export async function changeDeployment({ input, ...change }: Change & { input: UpdateDeploymentInput }): Promise<{ deployment: Deployment; run: Run | null }> {
  assertCanWrite(change.access);
  const { deployment } = change;
  if (input.visibility && input.visibility !== deployment.visibility) assertVisibilityAllowed(input.visibility);
  if (input.name !== undefined) assertNameFree({ projectId: deployment.projectId, name: input.name, except: deployment.id });
  const ref = input.ref ?? deployment.ref;
  const track = input.track ?? deployment.track;
  const retarget = ref !== deployment.ref || track !== deployment.track;
  if (retarget) await assertRefExists({ access: change.access, ref, track });
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.visibility ? { visibility: input.visibility } : {}),
    ...(retarget ? { ref, track, pinnedCommit: null } : {}),
  };
  if (Object.keys(changes).length === 0) return { deployment, run: null };
  // One transaction: a new ref refused because a run is under way changes nothing.
  return runInTransaction(() => {
    audit("deployment.updated", change, { changes });
    const updated = updateDeployment({ id: deployment.id, changes })!;
    const run = retarget && !updated.stopped ? queueManualRun({ deployment: updated, actor: change.actor }) : null;
    return { deployment: updated, run };
  });
}

/** Deletes the deployment with its history, schedules, runs and stored files; its URL answers 404 from now on. */
export async function deleteDeployment(change: Change): Promise<void> {
  assertCanWrite(change.access);
  runInTransaction(() => {
    audit("deployment.deleted", change);
    deleteDeploymentRow({ id: change.deployment.id });
  });
  // After the rows: a crash in between leaves only files, which start-up removes.
  await removeStore({ deploymentId: change.deployment.id });
}
