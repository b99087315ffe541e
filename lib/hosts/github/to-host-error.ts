// GitHub's refusals and network failures, turned into Benchtop's HostError with
// a message that says what to fix. No raw GitHub or driver message reaches a user.
import { z } from "zod";
import { errorCodesOf, isTlsErrorCode, unreachableError } from "../unreachable";
import { HostError } from "../errors";
import { restrictedError, restrictionOf } from "./organization-restriction";

type Headers = Record<string, string | number | undefined>;

/** The shape of Octokit's RequestError (duck-typed: @octokit/request-error is not a direct dependency). */
type OctokitFailure = Error & { status: number; response?: { status: number; headers: Headers } };

const isOctokitFailure = (error: unknown): error is OctokitFailure =>
  error instanceof Error && typeof (error as { status?: unknown }).status === "number";

/**
 * What the failing call was about, e.g. "The repository acme/models" or
 * "README.md in acme/models", and the account it belongs to (`owner`), which
 * GitHub's answer to a GitHub App does not name.
 */
export type FailureContext = { host: string; subject: string; owner?: string };

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTALLOWED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
]);

const header = (headers: Headers, name: string) => {
  const value = headers[name];
  return value === undefined ? undefined : String(value);
};

/** When a rate limit lifts: x-ratelimit-reset (epoch seconds), else retry-after (seconds), else a minute. */
export function rateLimitResetAt(headers: Headers, now = Date.now()): Date {
  const reset = Number(header(headers, "x-ratelimit-reset"));
  if (Number.isFinite(reset) && reset > 0) return new Date(reset * 1000);
  const retryAfter = Number(header(headers, "retry-after"));
  return new Date(now + (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 60) * 1000);
}

function isRateLimited(status: number, headers: Headers, message: string): boolean {
  if (status === 429) return true;
  if (status !== 403) return false;
  return header(headers, "x-ratelimit-remaining") === "0" || /rate limit/i.test(message) || header(headers, "retry-after") !== undefined;
}

function fromNetworkFailure(error: unknown, { host }: FailureContext): HostError | null {
  const codes = errorCodesOf(error);
  const tls = codes.find(isTlsErrorCode);
  if (tls) {
    return new HostError(
      "tls",
      `The certificate of ${host} could not be verified (${tls}). If it is signed by your organization's own authority, the Benchtop server must be told to trust it (NODE_EXTRA_CA_CERTS).`,
      { cause: error },
    );
  }
  if (codes.includes("ENOTALLOWED")) {
    return new HostError("unreachable", `${host} resolves to a private or local address, which Benchtop does not contact. Ask an administrator to list it in BENCHTOP_INSECURE_HOSTS if it is meant.`, { cause: error });
  }
  const network = codes.find((code) => NETWORK_CODES.has(code));
  if (network) {
    return unreachableError({ host, code: network, cause: error });
  }
  return null;
}

/** The answer for a 3xx: GitHub moved the repository (renamed or transferred). */
export function movedError({ subject }: FailureContext, cause?: unknown): HostError {
  return new HostError("not_found", `${subject} was moved or renamed on GitHub; use its new address.`, { cause });
}

function fromResponse(error: OctokitFailure, context: FailureContext): HostError {
  const { status } = error;
  const headers = (error.response?.headers ?? {}) as Headers;
  if (status >= 300 && status < 400) return movedError(context, error);
  if (status === 401) {
    return new HostError("bad_credentials", "GitHub refused the token: it is wrong, expired or revoked. Create a new token and save it here.", { cause: error });
  }
  if (isRateLimited(status, headers, error.message)) {
    const resetAt = rateLimitResetAt(headers);
    return new HostError("rate_limited", `GitHub's rate limit for this token is used up; it resets at ${resetAt.toISOString()}. Try again then.`, { resetAt, cause: error });
  }
  if (status === 403) {
    const restriction = restrictionOf(error.message, context.owner);
    if (restriction) return restrictedError({ restriction, host: context.host, subject: context.subject, cause: error });
    if (header(headers, "x-github-sso")) {
      return new HostError("no_permission", `The organization of ${context.subject} uses single sign-on: authorize the token for it on GitHub (Configure SSO), then try again.`, { cause: error });
    }
    return new HostError(
      "no_permission",
      `GitHub refused access to ${context.subject} with this token. A fine-grained token needs this repository selected and "Contents" access (read, or read and write to push); a classic token needs the "repo" scope for a private repository.`,
      { cause: error },
    );
  }
  if (status === 404) {
    return new HostError("not_found", `${context.subject} was not found, or the token has no access to it. Check the address; for a private repository, give a token that can read it.`, { cause: error });
  }
  return new HostError("upstream", `GitHub answered with an error (${status}) for ${context.subject}. Try again later; if it persists, check the host's status.`, { cause: error });
}

/**
 * Turns whatever a GitHub call threw into a HostError: Octokit's RequestError
 * by status (401, 403 and rate limits, an organization keeping the app out,
 * 404, 3xx), network and TLS failures by
 * the code on the cause chain, an unexpected answer shape as `upstream`.
 */
export function toHostError(error: unknown, context: FailureContext): HostError {
  if (error instanceof HostError) return error;
  if (error instanceof z.ZodError) {
    return new HostError("upstream", `${context.host} answered in a shape Benchtop does not understand. Check that the address points to GitHub or GitHub Enterprise.`, { cause: error });
  }
  const network = fromNetworkFailure(error, context);
  if (network) return network;
  if (isOctokitFailure(error) && error.response) return fromResponse(error, context);
  return new HostError("upstream", `Benchtop could not talk to ${context.host}. Try again later.`, { cause: error });
}
