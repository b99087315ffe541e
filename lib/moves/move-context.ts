import { updateHeldJob, type Job, type JobPayload } from "../db";
import { AppError } from "../errors";

/** What a move does, in order; the page shows each in words (MOVE_STEP_LABELS). */
export type MoveStep = "preparing" | "creating" | "copying" | "comparing" | "switching" | "granting" | "waiting";

export const MOVE_STEP_LABELS: Record<MoveStep | "queued" | "done" | "failed", string> = {
  queued: "Waiting to start",
  preparing: "Preparing",
  creating: "Creating the repository at the host",
  copying: "Copying branches and tags",
  comparing: "Comparing branches and tags on both sides",
  switching: "Switching the project over",
  granting: "Giving members access at the host",
  waiting: "Waiting for the host to answer",
  done: "Moved",
  failed: "Failed",
};

/** Test-only: lets a test hold a move just before a step, as if the server stopped there. */
export type MoveHooks = { beforeStep?: (step: MoveStep, job: Job) => Promise<void> };

/** This instance no longer holds the job (its lease ran out and another instance took it over): stop, touching nothing. */
export class LeaseLostError extends Error {
  constructor() {
    super("Another instance took over this move.");
    this.name = "LeaseLostError";
  }
}

/** A move that cannot go on, with words an administrator can act on. */
export const moveFailure = (message: string) => new AppError("conflict", message);

/** A job being run by this instance: it reports its steps and keeps what it has done in the payload. */
export type MoveContext = {
  job: Job;
  payload: JobPayload;
  signal: AbortSignal;
  step(step: MoveStep): Promise<void>;
  save(changes: Partial<JobPayload>): void;
  sleep(ms: number): Promise<void>;
};

export function moveContext({ job, instanceId, signal, hooks = {} }: { job: Job; instanceId: string; signal: AbortSignal; hooks?: MoveHooks }): MoveContext {
  const held = (changes: { step?: string; payload?: JobPayload }) => {
    if (signal.aborted || !updateHeldJob({ id: job.id, instanceId, changes })) throw new LeaseLostError();
  };
  const context: MoveContext = {
    job,
    payload: { ...job.payload },
    signal,
    async step(step) {
      await hooks.beforeStep?.(step, job);
      held({ step });
    },
    save(changes) {
      context.payload = { ...context.payload, ...changes };
      held({ payload: context.payload });
    },
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        timer.unref();
        signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
      }),
  };
  return context;
}
