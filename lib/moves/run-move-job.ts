import { recordEvent } from "../audit";
import { clearProjectMoving, finishHeldJob, getUserById, renewJobLease, runInTransaction, type Job } from "../db";
import { isAppError } from "../errors";
import { LeaseLostError, moveContext, moveFailure, type MoveHooks } from "./move-context";
import { moveProject } from "./move-project";
import { undoMove } from "./undo-move";

/** How long a claim lasts without renewal: a stopped server's moves are taken up again after this. */
export const LEASE_MS = 60_000;
/** A job claimed this many times stopped with its server each time: it fails rather than stopping the next one too. */
const MAX_ATTEMPTS = 3;

function reasonOf(error: unknown): string {
  if (isAppError(error)) return error.message;
  console.error("Benchtop: a move stopped on an unexpected error:", error);
  return "The move stopped on an unexpected error (the server log has the details). Nothing was switched and the project stays where it was; move it again, and tell whoever runs Benchtop if it keeps failing.";
}

/**
 * Runs one claimed move to its end: done with a report, or failed with its
 * reason after everything was put back. Renews the claim while it works; when
 * the claim is lost (another instance took the job over) or `signal` stops it
 * (the server is stopping), it stops touching anything and the job is resumed
 * from the start by whoever claims it next.
 */
export async function runMoveJob({ job, instanceId, signal, hooks, leaseMs = LEASE_MS }: { job: Job; instanceId: string; signal?: AbortSignal; hooks?: MoveHooks; leaseMs?: number }): Promise<void> {
  const held = new AbortController();
  signal?.addEventListener("abort", () => held.abort(), { once: true });
  const renewal = setInterval(() => {
    if (!renewJobLease({ id: job.id, instanceId, leaseUntil: new Date(Date.now() + leaseMs) })) held.abort();
  }, leaseMs / 4);
  renewal.unref();
  const context = moveContext({ job, instanceId, signal: held.signal, hooks });
  try {
    if (job.attempts > MAX_ATTEMPTS) {
      throw moveFailure(`The server stopped during this move ${MAX_ATTEMPTS} times, so it was not tried again. Nothing was switched; move the project again when the server runs steadily.`);
    }
    const report = await moveProject(context);
    finishHeldJob({ id: job.id, instanceId, state: "done", message: report });
  } catch (error) {
    if (error instanceof LeaseLostError || held.signal.aborted) return;
    const reason = reasonOf(error);
    await undoMove({ job, payload: context.payload }).catch((undoError) => console.error(`Benchtop: putting project ${job.projectId} back after a failed move:`, undoError));
    const requester = job.requestedById ? (getUserById({ id: job.requestedById }) ?? null) : null;
    runInTransaction(() => {
      if (!finishHeldJob({ id: job.id, instanceId, state: "failed", message: reason })) return;
      clearProjectMoving({ id: job.projectId, jobId: job.id });
      recordEvent({ action: "project.move_failed", actor: requester, project: { id: job.projectId, name: job.payload.projectName }, detail: { reason, to: job.payload.target, jobId: job.id } });
    });
  } finally {
    clearInterval(renewal);
  }
}
