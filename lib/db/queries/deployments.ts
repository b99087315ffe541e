import { and, desc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { deployments, deploys, type Deploy, type Deployment } from "../schema";

export type { Deploy, Deployment } from "../schema";

export function insertDeployment(values: typeof deployments.$inferInsert): Deployment {
  return getDb().insert(deployments).values(values).returning().get();
}

export function getDeployment({ id }: { id: string }): Deployment | undefined {
  return getDb().select().from(deployments).where(eq(deployments.id, id)).get();
}

export function getDeploymentBySlug({ slug }: { slug: string }): Deployment | undefined {
  return getDb().select().from(deployments).where(eq(deployments.slug, slug)).get();
}

/** A project's deployments, oldest first (the order they were made). */
export function listDeploymentsOfProject({ projectId }: { projectId: string }): Deployment[] {
  return getDb().select().from(deployments).where(eq(deployments.projectId, projectId)).orderBy(deployments.createdAt, deployments.id).all();
}

/** Every deployment (the deploy folders kept on disk are checked against them at start). */
export function listAllDeploymentIds(): string[] {
  return getDb().select({ id: deployments.id }).from(deployments).all().map((row) => row.id);
}

export function updateDeployment({ id, changes }: { id: string; changes: Partial<Omit<Deployment, "id" | "projectId" | "createdAt">> }): Deployment | undefined {
  return getDb().update(deployments).set(changes).where(eq(deployments.id, id)).returning().get();
}

export function deleteDeploymentRow({ id }: { id: string }): void {
  getDb().delete(deployments).where(eq(deployments.id, id)).run();
}

export function insertDeploy(values: typeof deploys.$inferInsert): Deploy {
  return getDb().insert(deploys).values(values).returning().get();
}

export function getDeploy({ id }: { id: string }): Deploy | undefined {
  return getDb().select().from(deploys).where(eq(deploys.id, id)).get();
}

export function getDeployOf({ deploymentId, id }: { deploymentId: string; id: string }): Deploy | undefined {
  return getDb().select().from(deploys).where(and(eq(deploys.id, id), eq(deploys.deploymentId, deploymentId))).get();
}

/** A deployment's deploys, newest first. */
export function listDeploysOf({ deploymentId, limit = 100 }: { deploymentId: string; limit?: number }): Deploy[] {
  return getDb().select().from(deploys).where(eq(deploys.deploymentId, deploymentId)).orderBy(desc(deploys.createdAt), desc(deploys.id)).limit(limit).all();
}
