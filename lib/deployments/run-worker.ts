import { newInstanceId, startPollLoop } from "../background";
import { claimNextRun } from "../db";
import { failAbandonedRuns } from "./abandoned-runs";
import { removeOrphanDeploymentStores } from "./deploy-store";
import { executeRun, RUN_LEASE_MS } from "./execute-run";
import { startDueSchedules } from "./start-due-schedules";

/** How often a worker looks for due schedules and runs queued elsewhere (its own runs wake it at once). */
const POLL_MS = 5_000;
const STORE_SWEEP_MS = 60 * 60_000;

export type RunWorker = { instanceId: string; wake(): void; stop(): Promise<void> };

// One worker per process, found through globalThis by the routes that queue runs
// (Next bundles start-up code and route handlers with their own copies of this module).
const globalForWorker = globalThis as unknown as { benchtopRunWorker?: RunWorker };

/**
 * One round of the run worker at `now`: fails runs abandoned by a stopped
 * server, starts the runs of due schedules, then claims the oldest queued run
 * and runs it. True when it ran one (there may be more).
 */
export async function runWorkerStep({ instanceId, now = () => new Date() }: { instanceId: string; now?: () => Date }): Promise<boolean> {
  failAbandonedRuns({ now: now() });
  startDueSchedules({ now: now() });
  const run = claimNextRun({ instanceId, leaseMs: RUN_LEASE_MS, now: now() });
  if (!run) return false;
  await executeRun({ run, instanceId, now });
  return true;
}

/** Starts this process's run worker (schedules and runs of deployments), claimed from the database like moves. */
export function startRunWorker({ instanceId = newInstanceId(), pollMs = POLL_MS }: { instanceId?: string; pollMs?: number } = {}): RunWorker {
  globalForWorker.benchtopRunWorker?.stop();
  // Files of deployments deleted with their project go within the hour (the project's deletion cannot reach them).
  let storesCheckedAt = Date.now();
  const step = async () => {
    if (Date.now() - storesCheckedAt > STORE_SWEEP_MS) {
      storesCheckedAt = Date.now();
      await removeOrphanDeploymentStores();
    }
    return runWorkerStep({ instanceId });
  };
  const loop = startPollLoop({ name: "deployment run worker", pollMs, step });
  const worker: RunWorker = {
    instanceId,
    wake: loop.wake,
    async stop() {
      if (globalForWorker.benchtopRunWorker === worker) globalForWorker.benchtopRunWorker = undefined;
      await loop.stop();
    },
  };
  globalForWorker.benchtopRunWorker = worker;
  return worker;
}

/** Starts a run queued in this process at once, when it runs a worker (else another instance's poll finds it). */
export function wakeRunWorker(): void {
  globalForWorker.benchtopRunWorker?.wake();
}
