import { isHostError } from "../hosts";
import type { MoveContext, MoveStep } from "./move-context";

/** Waits between attempts when the host is down or busy: about a minute in all before the move gives up. */
const PAUSES_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

// A host that is down, overloaded or rate limited may well answer in a minute; a refusal (a wrong token, a name taken) will not.
const TRANSIENT = new Set(["unreachable", "upstream", "rate_limited"]);

/**
 * Runs one call to the host's API, trying again a few times while the host is
 * down or rate limited (the page shows "Waiting for the host"), then goes on
 * with `step`. Any other failure, or the last one, is thrown.
 */
export async function withHostRetries<T>(context: MoveContext, step: MoveStep, call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await call();
      if (attempt > 0) await context.step(step);
      return result;
    } catch (error) {
      const pause = PAUSES_MS[attempt];
      if (!isHostError(error) || !TRANSIENT.has(error.code) || pause === undefined || context.signal.aborted) throw error;
      console.warn(`Benchtop: moving project ${context.job.projectId}: ${error.message} Trying again in ${pause / 1000} s.`);
      await context.step("waiting");
      await context.sleep(pause);
    }
  }
}
