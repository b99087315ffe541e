import { findActiveRun, getDeploy, getUserById, listDeploysOf, type Deploy, type Deployment, type Run } from "../db";
import { deploymentUrl } from "./deployment-urls";
import type { DeploymentVisibility } from "./schema";

export type DeploymentStatus = "deploying" | "running" | "stopped" | "failed";
type Person = { id: string; name: string; email: string } | null;

/** A deployment as the API and pages show it. */
export type DeploymentView = {
  id: string;
  name: string;
  slug: string;
  url: string;
  ref: string;
  track: boolean;
  commit: string | null;
  visibility: DeploymentVisibility;
  status: DeploymentStatus;
  deployedAt: string | null;
  deployedBy: Person;
  /** The latest run failed (the deployment shows red): why, and which run. */
  failure: { message: string; runId: string | null } | null;
  createdAt: string;
};

export type DeployView = { id: string; commit: string; ref: string; runId: string; deployedAt: string; deployedBy: Person; rollbackOf: string | null; current: boolean };

function person(id: string | null): Person {
  const user = id ? getUserById({ id }) : undefined;
  return user ? { id: user.id, name: user.name, email: user.email } : null;
}

/**
 * Stopped when stopped; running when a deploy is served (even while a redeploy
 * is under way or after one failed: the previous deploy keeps serving);
 * otherwise deploying until the first run ends, failed when it failed.
 */
export function deploymentStatus(deployment: Deployment, activeRun: Run | undefined): DeploymentStatus {
  if (deployment.stopped) return "stopped";
  if (deployment.currentDeployId) return "running";
  if (!activeRun && deployment.failure) return "failed";
  return "deploying";
}

export function toDeploymentView(deployment: Deployment, { appOrigin }: { appOrigin: string }): DeploymentView {
  const current = deployment.currentDeployId ? getDeploy({ id: deployment.currentDeployId }) : undefined;
  return {
    id: deployment.id,
    name: deployment.name,
    slug: deployment.slug,
    url: deploymentUrl({ slug: deployment.slug, appOrigin }),
    ref: deployment.ref,
    track: deployment.track,
    commit: current?.commit ?? null,
    visibility: deployment.visibility,
    status: deploymentStatus(deployment, findActiveRun({ deploymentId: deployment.id })),
    deployedAt: current?.createdAt.toISOString() ?? null,
    deployedBy: current ? person(current.deployedById) : null,
    failure: deployment.failure ? { message: deployment.failure, runId: deployment.failedRunId } : null,
    createdAt: deployment.createdAt.toISOString(),
  };
}

export function toDeployView(deploy: Deploy, currentDeployId: string | null): DeployView {
  return {
    id: deploy.id,
    commit: deploy.commit,
    ref: deploy.ref,
    runId: deploy.runId,
    deployedAt: deploy.createdAt.toISOString(),
    deployedBy: person(deploy.deployedById),
    rollbackOf: deploy.rollbackOfId,
    current: deploy.id === currentDeployId,
  };
}

/** The deployment's deploys, newest first: its history, each one a place to roll back to. */
export function listDeployViews(deployment: Deployment): DeployView[] {
  return listDeploysOf({ deploymentId: deployment.id }).map((deploy) => toDeployView(deploy, deployment.currentDeployId));
}
