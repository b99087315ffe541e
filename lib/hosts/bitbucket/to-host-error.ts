// Turns Bitbucket's answers and network failures into HostErrors whose
// messages say what to fix. Bitbucket's own messages never reach the user.
import type { z } from "zod";
import { errorCodesOf, isTlsErrorCode, unreachableError } from "../unreachable";
import { HostError } from "../errors";
import { serverErrorSchema } from "./schemas";

export type Flavor = "cloud" | "server";

const product = (flavor: Flavor) => (flavor === "cloud" ? "Bitbucket" : "Bitbucket Server");
const DEFAULT_WAIT_MS = 60_000;

/**
 * When a rate limit lifts: Retry-After (seconds or an HTTP date), else
 * X-RateLimit-Reset (epoch seconds or an ISO date), else a minute from now,
 * since Bitbucket Cloud sends neither on most 429s.
 */
export function rateLimitResetOf(headers: Headers, now = Date.now()): Date {
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return new Date(now + Number(retryAfter) * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return new Date(date);
  }
  const reset = headers.get("x-ratelimit-reset")?.trim();
  if (reset) {
    if (/^\d+$/.test(reset)) {
      const value = Number(reset);
      // Small numbers are a wait in seconds; large ones a Unix time.
      return new Date(value > 1e9 ? value * 1000 : now + value * 1000);
    }
    const date = Date.parse(reset);
    if (!Number.isNaN(date)) return new Date(date);
  }
  return new Date(now + DEFAULT_WAIT_MS);
}

/** Bitbucket Server answers 401 also to a valid token without permission (AuthorisationException). */
function isServerAuthorisationFailure(body: unknown): boolean {
  const parsed = serverErrorSchema.safeParse(body);
  return parsed.success && parsed.data.errors.some((e) => /AuthorisationException$/.test(e.exceptionName ?? ""));
}

/** A HostError for a non-2xx answer about `subject` (e.g. "team/models"). */
export function answerToHostError({ flavor, response, body, subject }: { flavor: Flavor; response: Response; body: unknown; subject: string }): HostError {
  const name = product(flavor);
  const { status } = response;
  if (status === 401 && !(flavor === "server" && isServerAuthorisationFailure(body))) {
    return new HostError("bad_credentials", `${name} did not accept the token: it is wrong, expired or revoked. Create a new access token and save it here.`);
  }
  if (status === 401 || status === 403) {
    return new HostError("no_permission", `The token has no permission for ${subject} on ${name}. Give it access to the repository (read, or write to push), or use another token.`);
  }
  if (status === 404) {
    return new HostError("not_found", `${subject} was not found on ${name}, or the token has no access to it. Check the address and the token.`);
  }
  if (status === 429) {
    const resetAt = rateLimitResetOf(response.headers);
    return new HostError("rate_limited", `${name} is limiting requests for this token. Try again after ${resetAt.toISOString()}.`, { resetAt });
  }
  if (status >= 300 && status < 400) {
    return new HostError("upstream", `${name} redirected the request for ${subject}: the repository or server may have moved. Check the address.`);
  }
  return new HostError("upstream", `${name} answered with an error (HTTP ${status}) for ${subject}. Try again later.`);
}

/** A HostError for a request that got no answer: refused address, TLS, DNS, timeouts. */
export function toHostError({ error, host }: { flavor: Flavor; error: unknown; host: string }): HostError {
  if (error instanceof HostError) return error;
  const codes = errorCodesOf(error);
  if (codes.includes("ENOTALLOWED")) {
    return new HostError("not_allowed", `${host} resolves to a private or local address, which Benchtop does not contact. Ask an administrator to list it in BENCHTOP_INSECURE_HOSTS if it is meant.`, { cause: error });
  }
  if (codes.some(isTlsErrorCode)) {
    return new HostError("tls", `The secure connection to ${host} failed: its certificate is not trusted or does not match. Ask the server's administrator to fix the certificate.`, { cause: error });
  }
  return unreachableError({ host, code: codes.find((code) => /^E[A-Z_]+$|^UND_ERR/.test(code)), cause: error });
}

/** Validates a 2xx answer; an answer in another shape is the host's fault, not the user's. */
export function parseAnswer<T extends z.ZodType>({ flavor, schema, data, what }: { flavor: Flavor; schema: T; data: unknown; what: string }): z.infer<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new HostError("upstream", `${product(flavor)} answered in an unexpected form for ${what}. Check that the address points at a Bitbucket repository.`, { cause: parsed.error });
  }
  return parsed.data;
}
