import { resolveRevision } from "../archives";
import { recordEvent } from "../audit";
import { getDeploymentBySlug, insertDeployment, insertRun, listDeploymentsOfProject, runInTransaction, type Deployment, type Run, type User } from "../db";
import { newId } from "../db/ids";
import { AppError, isAppError } from "../errors";
import { repoPath } from "../git-server";
import { assertCanWrite, type ProjectAccess } from "../projects";
import { PUBLIC_FORBIDDEN_MESSAGE, publicDeploymentsAllowed } from "./public-deployments";
import { wakeRunWorker } from "./run-worker";
import type { CreateDeploymentInput, DeploymentVisibility } from "./schema";
import { slugOf, uniqueSlug } from "./slug";

export function assertVisibilityAllowed(visibility: DeploymentVisibility): void {
  if (visibility === "public" && !publicDeploymentsAllowed()) throw new AppError("forbidden", PUBLIC_FORBIDDEN_MESSAGE, { fields: { visibility: PUBLIC_FORBIDDEN_MESSAGE } });
}

export function assertNameFree({ projectId, name, except }: { projectId: string; name: string; except?: string }): void {
  const taken = listDeploymentsOfProject({ projectId }).some((d) => d.id !== except && d.name.toLowerCase() === name.toLowerCase());
  if (taken) {
    const message = `This project already has a deployment named "${name}". Choose another name.`;
    throw new AppError("conflict", message, { fields: { name: message } });
  }
}

/**
 * A ref must name something in a project on Benchtop's git server before a
 * deployment is made of it (said under the field); for a project on a git host
 * the first run finds out, and says so on the deployment.
 */
export async function assertRefExists({ access, ref, track }: { access: ProjectAccess; ref: string; track: boolean }): Promise<void> {
  if (access.project.backend !== "internal") return;
  try {
    const revision = await resolveRevision({ dir: repoPath(access.project.id), ref, project: access.project });
    if (track && revision.kind !== "branch") throw new AppError("invalid_input", `"${ref}" is a ${revision.kind}, which never moves: only a branch can be followed. Turn "follow the branch" off, or name a branch.`, { fields: { track: `Only a branch can be followed; "${ref}" is a ${revision.kind}.` } });
  } catch (error) {
    if (isAppError(error) && error.apiCode === "not_found") {
      const message = `${access.project.name} has no branch, tag or commit named "${ref}". Check the name (it is case-sensitive).`;
      throw new AppError("invalid_input", message, { fields: { ref: message } });
    }
    throw error;
  }
}

/**
 * Makes a deployment of the project at `ref` and queues its first run (editors
 * and up). Its URL answers at once: a "deploying" page until the first run has
 * put its commit in place.
 */
export async function createDeployment({ access, input, actor }: { access: ProjectAccess; input: CreateDeploymentInput; actor: User }): Promise<{ deployment: Deployment; run: Run }> {
  assertCanWrite(access);
  assertVisibilityAllowed(input.visibility);
  assertNameFree({ projectId: access.project.id, name: input.name });
  await assertRefExists({ access, ref: input.ref, track: input.track });
  const created = runInTransaction(() => {
    const slug = uniqueSlug(slugOf(input.name), (candidate) => getDeploymentBySlug({ slug: candidate }) !== undefined);
    const deployment = insertDeployment({ id: newId(), projectId: access.project.id, name: input.name, slug, ref: input.ref, track: input.track, visibility: input.visibility, createdById: actor.id });
    const run = insertRun({ id: newId(), projectId: access.project.id, deploymentId: deployment.id, trigger: "manual", requestedById: actor.id });
    recordEvent({ action: "deployment.created", actor, project: access.project, detail: { deployment: deployment.name, deploymentId: deployment.id, ref: input.ref, track: input.track, visibility: input.visibility } });
    return { deployment, run };
  });
  wakeRunWorker();
  return created;
}
