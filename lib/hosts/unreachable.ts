import { HostError } from "./errors";

const UNRESOLVED = new Set(["ENOTFOUND", "EAI_AGAIN"]);
const TIMED_OUT = /TIMEOUT|TimeoutError|AbortError/i;

/**
 * A host that gave no answer, worded the same for every provider: a name that
 * does not resolve is "could not reach" (never "not found", which is about a
 * repository), and the host named is the one in the address the user gave.
 */
export function unreachableError({ host, code, cause }: { host: string; code?: string; cause: unknown }): HostError {
  const why = code && UNRESOLVED.has(code) ? "the name does not resolve" : code && TIMED_OUT.test(code) ? "it did not answer in time" : "the connection failed";
  return new HostError("unreachable", `Benchtop could not reach ${host}: ${why}${code ? ` (${code})` : ""}. Check the address, and that the host is up and reachable from the Benchtop server.`, { cause });
}
