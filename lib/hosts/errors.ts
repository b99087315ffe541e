import { type AccessRequest, AppError, type ErrorCode } from "../errors";

/** Why a host refused or failed, so that the UI and tests can tell the cases apart. */
export type HostFailure =
  | "bad_credentials"
  | "not_found"
  | "no_permission"
  | "organization_restricted"
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
  organization_restricted: "upstream_error",
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
 * Which app an organization keeps out (GitHub: "oauth-app" for OAuth App
 * access restrictions, "github-app" for a GitHub App not installed there) and
 * the organization, on an `organization_restricted` HostError. The adapter
 * that knows the connection's app turns it into an AccessRequest with the
 * host's page for asking.
 */
export type Restriction = { kind: AccessRequest["kind"]; organization: string };

/**
 * A failure at a git host or bucket, in words that say what to fix. Its kind
 * is `code`; its API code (`apiCode`) is `upstream_error` (502) for host
 * answers, so that a bad GitHub token or a repository the host does not know
 * is never mistaken for a Benchtop sign-in problem or a missing Benchtop page;
 * `rate_limited` (429) with the reset time; `invalid_input` for a location
 * Benchtop will not contact. An `organization_restricted` failure (a host's
 * organization keeps Benchtop's app out) names the `restriction` and, once the
 * app is known, the `accessRequest` the API and forms offer.
 */
export class HostError extends AppError<HostFailure> {
  readonly resetAt: string | null;
  /** Set on `organization_restricted`: who keeps which app out. */
  readonly restriction: Restriction | null;

  constructor(
    code: HostFailure,
    message: string,
    options: { resetAt?: Date | null; cause?: unknown; field?: string; restriction?: Restriction | null; accessRequest?: AccessRequest } = {},
  ) {
    const resetAt = options.resetAt ? options.resetAt.toISOString() : null;
    super(code, message, {
      apiCode: apiCodeOf[code],
      cause: options.cause,
      accessRequest: options.accessRequest,
      fields: options.field ? { [options.field]: message } : undefined,
      headers: code === "rate_limited" && options.resetAt ? { "retry-after": String(Math.max(1, Math.ceil((options.resetAt.getTime() - Date.now()) / 1000))) } : undefined,
    });
    this.name = "HostError";
    this.resetAt = resetAt;
    this.restriction = options.restriction ?? null;
  }
}

export function isHostError(error: unknown): error is HostError {
  return error instanceof HostError;
}
