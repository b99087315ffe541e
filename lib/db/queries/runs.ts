import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import { getDb } from "../client";
import { runs, type Run } from "../schema";

export type { Run } from "../schema";
export type RunStatus = Run["status"];

export function insertRun(values: typeof runs.$inferInsert): Run {
  return getDb().insert(runs).values(values).returning().get();
}

export function getRun({ id }: { id: string }): Run | undefined {
  return getDb().select().from(runs).where(eq(runs.id, id)).get();
}

/** A project's runs, newest first, optionally only those in one status. */
export function listRunsOfProject({ projectId, status, deploymentId, limit, offset }: { projectId: string; status?: RunStatus; deploymentId?: string; limit: number; offset: number }): Run[] {
  return getDb()
    .select()
    .from(runs)
    .where(and(eq(runs.projectId, projectId), status ? eq(runs.status, status) : undefined, deploymentId ? eq(runs.deploymentId, deploymentId) : undefined))
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(limit)
    .offset(offset)
    .all();
}

/** The run of a deployment that is queued or running, if any (runs of one deployment never overlap). */
export function findActiveRun({ deploymentId }: { deploymentId: string }): Run | undefined {
  return getDb()
    .select()
    .from(runs)
    .where(and(eq(runs.deploymentId, deploymentId), inArray(runs.status, ["queued", "running"])))
    .orderBy(asc(runs.createdAt))
    .get();
}

/**
 * Claims the oldest queued run for `instanceId` until `now + leaseMs`, or
 * undefined when there is none: one UPDATE whose WHERE picks the run and
 * checks it is still queued, so two instances never claim the same run.
 */
export function claimNextRun({ instanceId, leaseMs, now = new Date() }: { instanceId: string; leaseMs: number; now?: Date }): Run | undefined {
  const db = getDb();
  const next = db.select({ id: runs.id }).from(runs).where(eq(runs.status, "queued")).orderBy(asc(runs.createdAt), asc(runs.id)).limit(1);
  return db
    .update(runs)
    .set({ status: "running", claimedBy: instanceId, leaseUntil: new Date(now.getTime() + leaseMs), startedAt: now })
    .where(and(inArray(runs.id, next), eq(runs.status, "queued")))
    .returning()
    .get();
}

const heldBy = (id: string, instanceId: string) => and(eq(runs.id, id), eq(runs.status, "running"), eq(runs.claimedBy, instanceId));

/** Extends the lease of a run this instance holds, and saves its log so far; false when it no longer holds it. */
export function renewRunLease({ id, instanceId, leaseUntil, log }: { id: string; instanceId: string; leaseUntil: Date; log: string }): boolean {
  return getDb().update(runs).set({ leaseUntil, log }).where(heldBy(id, instanceId)).run().changes > 0;
}

/** Ends a run this instance holds; false when it no longer holds it (its lease ran out and it was marked failed). */
export function finishHeldRun({
  id,
  instanceId,
  status,
  commit,
  message,
  log,
  now = new Date(),
}: {
  id: string;
  instanceId: string;
  status: "succeeded" | "failed";
  commit: string | null;
  message: string | null;
  log: string;
  now?: Date;
}): boolean {
  return getDb().update(runs).set({ status, commit, message, log, leaseUntil: null, finishedAt: now }).where(heldBy(id, instanceId)).run().changes > 0;
}

/** Running runs whose lease ran out: the server running them stopped. */
export function listAbandonedRuns({ now }: { now: Date }): Run[] {
  return getDb().select().from(runs).where(and(eq(runs.status, "running"), lt(runs.leaseUntil, now))).all();
}

/** Marks an abandoned run failed, only if it is still running under a lease that ran out; false when another instance did first. */
export function failAbandonedRun({ id, now, message, log }: { id: string; now: Date; message: string; log: string }): boolean {
  return getDb()
    .update(runs)
    .set({ status: "failed", message, log, leaseUntil: null, finishedAt: now })
    .where(and(eq(runs.id, id), eq(runs.status, "running"), lt(runs.leaseUntil, now)))
    .run().changes > 0;
}
