import { newInstanceId, startPollLoop } from "../background";
import { claimNextJob } from "../db";
import type { MoveHooks } from "./move-context";
import { LEASE_MS, runMoveJob } from "./run-move-job";

/** How often an idle worker looks for moves queued by another instance (its own wake it at once). */
const POLL_MS = 3_000;

export type MoveWorker = { instanceId: string; wake(): void; stop(): Promise<void> };

// One worker per process. Next bundles start-up code and route handlers
// separately, each with its own copy of this module, so the worker is found
// through globalThis when a route queues a move.
const globalForWorker = globalThis as unknown as { benchtopMoveWorker?: MoveWorker };

/** Claims the oldest move nobody holds and runs it; false when there was none. */
export async function runNextJob({ instanceId, signal, hooks }: { instanceId: string; signal?: AbortSignal; hooks?: MoveHooks }): Promise<boolean> {
  const job = claimNextJob({ instanceId, leaseMs: LEASE_MS });
  if (!job) return false;
  await runMoveJob({ job, instanceId, signal, hooks });
  return true;
}

/**
 * Starts this process's worker: it runs moves one at a time, claimed from the
 * database, looking every few seconds and at once when woken (startPollLoop);
 * stop() ends the loop and leaves a running move for its lease to hand over.
 */
export function startMoveWorker({ instanceId = newInstanceId(), pollMs = POLL_MS, hooks }: { instanceId?: string; pollMs?: number; hooks?: MoveHooks } = {}): MoveWorker {
  globalForWorker.benchtopMoveWorker?.stop();
  const loop = startPollLoop({ name: "move worker", pollMs, step: (signal) => runNextJob({ instanceId, signal, hooks }) });
  const worker: MoveWorker = {
    instanceId,
    wake: loop.wake,
    async stop() {
      if (globalForWorker.benchtopMoveWorker === worker) globalForWorker.benchtopMoveWorker = undefined;
      await loop.stop();
    },
  };
  globalForWorker.benchtopMoveWorker = worker;
  return worker;
}

/** Starts a move queued in this process at once, when this process runs a worker (else another instance's poll finds it). */
export function wakeMoveWorker(): void {
  globalForWorker.benchtopMoveWorker?.wake();
}
