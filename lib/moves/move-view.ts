import { getVcsBackendRow, listJobsOfBatch, listRecentJobs, type Job } from "../db";
import { MOVE_STEP_LABELS } from "./move-context";
import { describeBackend } from "./move-ends";

/** One project's move as the API and the admin page show it. */
export type MoveView = {
  jobId: string;
  projectId: string;
  projectName: string;
  state: Job["state"];
  step: string;
  /** The step in words. */
  stepLabel: string;
  /** When done: what moved; when failed: why, and what to do. */
  message: string | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

/** One administrator's request: where it moves projects, how far it got, and each project's move. */
export type MoveBatchView = {
  id: string;
  target: { type: "internal" } | { type: "external"; backendId: string; name: string };
  /** "running" while any move is queued or running; then "failed" when any failed, else "done". */
  state: "running" | "done" | "failed";
  counts: Record<Job["state"], number>;
  createdAt: string;
  moves: MoveView[];
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toMoveView(job: Job): MoveView {
  const label = MOVE_STEP_LABELS[job.step as keyof typeof MOVE_STEP_LABELS] ?? job.step;
  return {
    jobId: job.id,
    projectId: job.projectId,
    projectName: job.payload.projectName,
    state: job.state,
    step: job.step,
    stepLabel: label,
    message: job.message,
    attempts: job.attempts,
    createdAt: job.createdAt.toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
  };
}

function toBatchView(jobs: Job[]): MoveBatchView {
  const first = jobs[0]!;
  const counts = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const job of jobs) counts[job.state]++;
  const { target } = first.payload;
  return {
    id: first.batchId,
    target: target.type === "internal" ? target : { ...target, name: describeBackend(getVcsBackendRow({ id: target.backendId }) ?? null) },
    state: counts.queued + counts.running > 0 ? "running" : counts.failed > 0 ? "failed" : "done",
    counts,
    createdAt: first.createdAt.toISOString(),
    moves: jobs.map(toMoveView),
  };
}

/** One batch of moves, or undefined when there is no such batch. */
export function getMoveBatch({ id }: { id: string }): MoveBatchView | undefined {
  const jobs = listJobsOfBatch({ batchId: id });
  return jobs.length ? toBatchView(jobs) : undefined;
}

/** The newest batches of moves, newest first. */
export function listMoveBatches({ limit = 20 }: { limit?: number } = {}): MoveBatchView[] {
  const byBatch = new Map<string, Job[]>();
  for (const job of listRecentJobs({ batches: limit })) byBatch.set(job.batchId, [...(byBatch.get(job.batchId) ?? []), job]);
  return [...byBatch.values()].map((jobs) => toBatchView(jobs.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))));
}
