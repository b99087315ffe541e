import { openSourceRepository, resolveRevision } from "../archives";
import { getDeployOf, getUserById, type Deployment, type Project, type Run, type User } from "../db";
import { AppError, isAppError } from "../errors";
import { canRead, roleOf } from "../projects";
import { storeLfsObjects } from "./deploy-lfs-objects";
import { hasStoredCommit, keepStoredCommit, storeCommit } from "./deploy-store";
import type { RunLog } from "./run-log";

/** What a run deployed: the commit, the ref as resolved, and for a rollback the deploy it brought back. */
export type DeployTarget = { commit: string; ref: string; rollbackOfId: string | null };

/**
 * Whose credential reads a project on a git host for a run: who asked for it,
 * else (a schedule) whoever made the deployment, while they can still read the
 * project; else its owner.
 */
function runActor({ run, deployment, project }: { run: Run; deployment: Deployment; project: Project }): User {
  for (const id of [run.requestedById, deployment.createdById]) {
    const user = id ? getUserById({ id }) : undefined;
    if (user && !user.disabled) {
      const role = roleOf({ project, user });
      if (role && canRead(role)) return user;
    }
  }
  const owner = getUserById({ id: project.ownerId });
  if (!owner) throw new AppError("not_found", `${project.name} has no owner to deploy it as.`);
  return owner;
}

/**
 * Puts the commit a run deploys into the deployment's store under
 * refs/deploys/{deployId}: for a rollback, the earlier deploy's commit (already
 * there); otherwise the deployment's ref resolved in the project's repository
 * (on Benchtop's git server, or fetched from its git host with the run actor's
 * credential): a tracked branch's latest commit, or the commit pinned when the
 * ref was set.
 */
export async function prepareDeployTarget({ run, deployment, project, deployId, log }: { run: Run; deployment: Deployment; project: Project; deployId: string; log: RunLog }): Promise<DeployTarget> {
  if (run.rollbackOfId) {
    const earlier = getDeployOf({ deploymentId: deployment.id, id: run.rollbackOfId });
    if (!earlier) throw new AppError("not_found", "The deploy to roll back to is no longer in this deployment's history.");
    log.add(`Rolling back to the deploy of ${earlier.commit.slice(0, 7)} (${earlier.ref}) from ${earlier.createdAt.toISOString()}.`);
    if (!(await keepStoredCommit({ deploymentId: deployment.id, deployId, commit: earlier.commit }))) {
      throw new AppError("not_found", `The files of commit ${earlier.commit.slice(0, 7)} are no longer kept for this deployment; redeploy from a ref instead.`);
    }
    return { commit: earlier.commit, ref: earlier.ref, rollbackOfId: earlier.id };
  }
  if (!deployment.track && deployment.pinnedCommit && (await hasStoredCommit({ deploymentId: deployment.id, commit: deployment.pinnedCommit }))) {
    log.add(`Deploying commit ${deployment.pinnedCommit.slice(0, 7)}, pinned when "${deployment.ref}" was chosen.`);
    await keepStoredCommit({ deploymentId: deployment.id, deployId, commit: deployment.pinnedCommit });
    return { commit: deployment.pinnedCommit, ref: deployment.ref, rollbackOfId: null };
  }
  const actor = runActor({ run, deployment, project });
  log.add(project.backend === "internal" ? "Reading the project's repository on Benchtop's git server." : `Fetching the project's repository from its git host as ${actor.email}.`);
  const source = await openSourceRepository({ actor, project, purpose: "deploy" });
  try {
    const name = !deployment.track && deployment.pinnedCommit ? deployment.pinnedCommit : deployment.ref;
    const revision = await resolveRevision({ dir: source.dir, ref: name, project }).catch((error: unknown) => {
      if (isAppError(error) && error.apiCode === "not_found") {
        throw new AppError(
          "not_found",
          `${project.name} has no branch, tag or commit named "${name}" any more, so nothing new was deployed${deployment.currentDeployId ? " and the previous deploy keeps serving" : ""}. Choose another ref in the deployment's settings, or push it again.`,
        );
      }
      throw error;
    });
    log.add(`Resolved ${revision.kind} ${revision.name} to commit ${revision.commit}.`);
    await storeCommit({ deploymentId: deployment.id, deployId, sourceDir: source.dir, commit: revision.commit });
    await storeLfsObjects({ deploymentId: deployment.id, commit: revision.commit, source, log });
    log.add("Copied the commit's files into the deployment.");
    return { commit: revision.commit, ref: revision.kind === "commit" ? revision.commit.slice(0, 12) : revision.name, rollbackOfId: null };
  } finally {
    await source.release();
  }
}
