import { randomBytes } from "node:crypto";
import os from "node:os";
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

/** This process among the instances sharing the database: host, process id, and a random part for restarts that reuse the id. */
export const newInstanceId = () => `${os.hostname()}/${process.pid}/${randomBytes(3).toString("hex")}`;

/** Claims the oldest move nobody holds and runs it; false when there was none. */
export async function runNextJob({ instanceId, signal, hooks }: { instanceId: string; signal?: AbortSignal; hooks?: MoveHooks }): Promise<boolean> {
  const job = claimNextJob({ instanceId, leaseMs: LEASE_MS });
  if (!job) return false;
  await runMoveJob({ job, instanceId, signal, hooks });
  return true;
}

/**
 * Starts this process's worker: it runs moves one at a time, claimed from the
 * database, looking every few seconds and at once when woken. Its timer never
 * keeps the process alive (tests, `next build`); stop() ends the loop and
 * leaves a running move for its lease to hand over.
 */
export function startMoveWorker({ instanceId = newInstanceId(), pollMs = POLL_MS, hooks }: { instanceId?: string; pollMs?: number; hooks?: MoveHooks } = {}): MoveWorker {
  globalForWorker.benchtopMoveWorker?.stop();
  const stopping = new AbortController();
  let running: Promise<void> | null = null;
  let wokenWhileRunning = false;
  const tick = () => {
    if (stopping.signal.aborted) return;
    if (running) {
      wokenWhileRunning = true;
      return;
    }
    running = (async () => {
      do {
        wokenWhileRunning = false;
        while (!stopping.signal.aborted && (await runNextJob({ instanceId, signal: stopping.signal, hooks })));
      } while (wokenWhileRunning && !stopping.signal.aborted);
    })()
      .catch((error) => console.error("Benchtop: the move worker failed; it tries again shortly:", error))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, pollMs);
  timer.unref();
  const worker: MoveWorker = {
    instanceId,
    wake: tick,
    async stop() {
      stopping.abort();
      clearInterval(timer);
      if (globalForWorker.benchtopMoveWorker === worker) globalForWorker.benchtopMoveWorker = undefined;
      await running;
    },
  };
  globalForWorker.benchtopMoveWorker = worker;
  tick();
  return worker;
}

/** Starts a move queued in this process at once, when this process runs a worker (else another instance's poll finds it). */
export function wakeMoveWorker(): void {
  globalForWorker.benchtopMoveWorker?.wake();
}
