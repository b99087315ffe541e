import { AppError, type ErrorCode } from "../errors";

/** Why a host refused or failed, so that the UI and tests can tell the cases apart. */
export type HostFailure =
  | "bad_credentials"
  | "not_found"
  | "no_permission"
  | "missing_scopes"
  | "rate_limited"
  | "unreachable"
  | "tls"
  | "invalid_location"
  | "not_allowed"
  | "not_supported"
  | "too_large"
  | "upstream";

const apiCodeOf: Record<HostFailure, ErrorCode> = {
  bad_credentials: "upstream_error",
  not_found: "upstream_error",
  no_permission: "upstream_error",
  missing_scopes: "upstream_error",
  rate_limited: "rate_limited",
  unreachable: "upstream_error",
  tls: "upstream_error",
  invalid_location: "invalid_input",
  not_allowed: "invalid_input",
  not_supported: "upstream_error",
  too_large: "too_large",
  upstream: "upstream_error",
};

/**
 * A failure at a git host or bucket, in words that say what to fix. Its kind
 * is `code`; its API code (`apiCode`) is `upstream_error` (502) for host
 * answers, so that a bad GitHub token or a repository the host does not know
 * is never mistaken for a Benchtop sign-in problem or a missing Benchtop page;
 * `rate_limited` (429) with the reset time; `invalid_input` for a location
 * Benchtop will not contact.
 */
export class HostError extends AppError<HostFailure> {
  readonly resetAt: string | null;

  constructor(code: HostFailure, message: string, options: { resetAt?: Date | null; cause?: unknown; field?: string } = {}) {
    const resetAt = options.resetAt ? options.resetAt.toISOString() : null;
    super(code, message, {
      apiCode: apiCodeOf[code],
      cause: options.cause,
      fields: options.field ? { [options.field]: message } : undefined,
      headers: code === "rate_limited" && options.resetAt ? { "retry-after": String(Math.max(1, Math.ceil((options.resetAt.getTime() - Date.now()) / 1000))) } : undefined,
    });
    this.name = "HostError";
    this.resetAt = resetAt;
  }
}

export function isHostError(error: unknown): error is HostError {
  return error instanceof HostError;
}
