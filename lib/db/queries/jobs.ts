import { and, asc, desc, eq, inArray, lt, max, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { jobs, type Job, type JobPayload } from "../schema";

export type { Job, JobPayload, MoveTarget } from "../schema";

export function insertJob(values: Pick<Job, "id" | "kind" | "projectId" | "payload" | "batchId" | "requestedById">): Job {
  return getDb().insert(jobs).values(values).returning().get();
}

/** A job nobody holds: queued, or running under a lease that ran out (its server stopped). */
const claimable = (now: Date) => or(eq(jobs.state, "queued"), and(eq(jobs.state, "running"), lt(jobs.leaseUntil, now)));

/**
 * Claims the oldest claimable job for `instanceId` until `now + leaseMs`, or
 * undefined when there is none. One UPDATE whose WHERE picks the job: SQLite
 * takes the write lock before the statement reads, so two loops or two
 * instances never claim the same job.
 */
export function claimNextJob({ instanceId, leaseMs, now = new Date() }: { instanceId: string; leaseMs: number; now?: Date }): Job | undefined {
  const db = getDb();
  const next = db.select({ id: jobs.id }).from(jobs).where(claimable(now)).orderBy(asc(jobs.createdAt), asc(jobs.id)).limit(1);
  return db
    .update(jobs)
    .set({ state: "running", claimedBy: instanceId, leaseUntil: new Date(now.getTime() + leaseMs), attempts: sql`${jobs.attempts} + 1`, startedAt: now, finishedAt: null })
    .where(and(inArray(jobs.id, next), claimable(now)))
    .returning()
    .get();
}

// Every write of a running job names its holder: an instance that lost its lease (another claimed the job) changes nothing.
const heldBy = (id: string, instanceId: string) => and(eq(jobs.id, id), eq(jobs.state, "running"), eq(jobs.claimedBy, instanceId));

/** Extends the lease of a job this instance holds; false when it no longer holds it. */
export function renewJobLease({ id, instanceId, leaseUntil }: { id: string; instanceId: string; leaseUntil: Date }): boolean {
  return getDb().update(jobs).set({ leaseUntil }).where(heldBy(id, instanceId)).run().changes > 0;
}

/** Records what a held job does now (`step`) or has done (`payload`); false when this instance no longer holds it. */
export function updateHeldJob({ id, instanceId, changes }: { id: string; instanceId: string; changes: { step?: string; payload?: JobPayload } }): boolean {
  return getDb().update(jobs).set(changes).where(heldBy(id, instanceId)).run().changes > 0;
}

/** Ends a held job: done (message says what moved) or failed (message says why). */
export function finishHeldJob({ id, instanceId, state, message }: { id: string; instanceId: string; state: "done" | "failed"; message: string }): boolean {
  return getDb()
    .update(jobs)
    .set({ state, message, step: state, leaseUntil: null, finishedAt: new Date() })
    .where(heldBy(id, instanceId))
    .run().changes > 0;
}

export function getJob({ id }: { id: string }): Job | undefined {
  return getDb().select().from(jobs).where(eq(jobs.id, id)).get();
}

export function listJobsOfBatch({ batchId }: { batchId: string }): Job[] {
  return getDb().select().from(jobs).where(eq(jobs.batchId, batchId)).orderBy(asc(jobs.createdAt), asc(jobs.id)).all();
}

/** The jobs of the newest `batches` batches, newest batch first. */
export function listRecentJobs({ batches }: { batches: number }): Job[] {
  const db = getDb();
  const newest = max(jobs.createdAt);
  const ids = db.select({ batchId: jobs.batchId }).from(jobs).groupBy(jobs.batchId).orderBy(desc(newest)).limit(batches).all().map((row) => row.batchId);
  if (ids.length === 0) return [];
  return db.select().from(jobs).where(inArray(jobs.batchId, ids)).orderBy(desc(jobs.createdAt), asc(jobs.id)).all();
}

/** Jobs not finished yet (queued or running), oldest first. */
export function listUnfinishedJobs(): Job[] {
  return getDb().select().from(jobs).where(inArray(jobs.state, ["queued", "running"])).orderBy(asc(jobs.createdAt)).all();
}
