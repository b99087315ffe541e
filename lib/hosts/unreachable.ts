import { HostError } from "./errors";

/**
 * The error codes along a failure's cause chain, for every provider's error mapper:
 * fetch wraps the socket's error ("fetch failed"), connecting to several addresses
 * aggregates them (`errors`), and an aborted or timed-out request counts as ETIMEDOUT.
 */
export function errorCodesOf(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 6) return [];
  const e = error as { code?: unknown; name?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof e.code === "string" ? [e.code] : [];
  if (e.name === "AbortError" || e.name === "TimeoutError") own.push("ETIMEDOUT");
  const nested = Array.isArray(e.errors) ? e.errors.flatMap((inner) => errorCodesOf(inner, depth + 1)) : [];
  return [...own, ...nested, ...errorCodesOf(e.cause, depth + 1)];
}

/** Node's TLS failures: certificate problems and handshake errors. */
export const isTlsErrorCode = (code: string) => /^CERT_|^ERR_TLS_|^ERR_SSL_|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME_MISMATCH/.test(code);

const UNRESOLVED = new Set(["ENOTFOUND", "EAI_AGAIN"]);
const TIMED_OUT = /TIME_?D?OUT|TimeoutError|AbortError/i;

/**
 * A host that gave no answer, worded the same for every provider: a name that
 * does not resolve is "could not reach" (never "not found", which is about a
 * repository), and the host named is the one in the address the user gave.
 */
export function unreachableError({ host, code, cause }: { host: string; code?: string; cause: unknown }): HostError {
  const why = code && UNRESOLVED.has(code) ? "the name does not resolve" : code && TIMED_OUT.test(code) ? "it did not answer in time" : "the connection failed";
  return new HostError("unreachable", `Benchtop could not reach ${host}: ${why}${code ? ` (${code})` : ""}. Check the address, and that the host is up and reachable from the Benchtop server.`, { cause });
}
