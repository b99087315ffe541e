import { HostError } from "../hosts";

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
