import type { Project } from "../db";
import { HostError } from "../hosts";
import { backendOf } from "./backend-label";

/**
 * A host's refusal (or silence) while Benchtop changed something there, said as
 * what did not happen, the host's own reason, and what to do. The HostError's
 * kind, API code and rate-limit reset are kept, so the API answers as for any
 * host failure (502, or 429 with Retry-After); anything else passes unchanged.
 */
export function refusedAtHost({
  error,
  what,
  host,
  outcome,
  ifRefused = "ask an administrator to check the version-control settings",
}: {
  error: unknown;
  what: string;
  host: string;
  outcome: string;
  /** What to do when the host keeps refusing (an administrator is told where to look instead). */
  ifRefused?: string;
}): unknown {
  if (!(error instanceof HostError)) return error;
  const message = `${what}: ${error.message} ${outcome} Try again once ${host} answers; if it keeps refusing, ${ifRefused}.`;
  return new HostError(error.code, message, { cause: error, resetAt: error.resetAt ? new Date(error.resetAt) : null });
}

/** Asks the host first: when it refuses or cannot be reached, the caller changes nothing in Benchtop, and says so. */
export async function changeAtHostFirst<T>({ project, what, work }: { project: Project; what: string; work: () => Promise<T> }): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw refusedAtHost({ error, what, host: backendOf(project).host ?? "the host", outcome: "Nothing was changed in Benchtop." });
  }
}
