export const errorCodes = [
  "invalid_input",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "connection_required",
  "too_large",
  "rate_limited",
  "upstream_error",
  "internal",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

const statusByCode: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  connection_required: 409,
  too_large: 413,
  rate_limited: 429,
  upstream_error: 502,
  internal: 500,
};

/**
 * Where a person asks a git host's organization to let Benchtop's app in, when
 * the organization keeps it out (GitHub: OAuth App access restrictions, or a
 * GitHub App not installed there). `url` is the host's own page for asking:
 * the authorized OAuth App's settings page (Request access next to the
 * organization), or the GitHub App's installation page.
 */
export type AccessRequest = {
  kind: "oauth-app" | "github-app";
  /** The organization's (or account's) login at the host. */
  organization: string;
  url: string;
};

type AppErrorOptions = { fields?: Record<string, string>; headers?: Record<string, string>; accessRequest?: AccessRequest; cause?: unknown };

/**
 * The one error type that crosses Benchtop's layers. `message` is written for a
 * person and says what to do; it is safe to show and to send in API responses.
 *
 * `code` is the error's kind, the field every caller reads. A plain AppError's
 * kind is one of the API's codes. A family with kinds of its own (HostError:
 * `bad_credentials`, `not_found`, ...) keeps them in `code` and answers the API
 * with `apiCode`, which alone decides `status` and the body's `code`: a host's
 * `not_found` is a 502 `upstream_error`, never Benchtop's own 404. Code that
 * asks what an error means to the API (a page's notFound(), a sign-in refusal)
 * reads `apiCode`.
 */
export class AppError<C extends string = ErrorCode> extends Error {
  readonly code: C;
  readonly apiCode: ErrorCode;
  readonly status: number;
  readonly fields?: Record<string, string>;
  readonly headers?: Record<string, string>;
  /** A host organization keeps Benchtop's app out: where the person asks it in (see AccessRequest). */
  readonly accessRequest?: AccessRequest;

  // NoInfer keeps `new AppError("conflict", ...)` an AppError<ErrorCode>; a family whose kinds are not API codes cannot use this signature.
  constructor(code: NoInfer<C> & ErrorCode, message: string, options?: AppErrorOptions);
  /** For a family with kinds of its own: the API code this kind answers with. */
  constructor(code: C, message: string, options: AppErrorOptions & { apiCode: ErrorCode });
  constructor(code: C, message: string, options: AppErrorOptions & { apiCode?: ErrorCode } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    // Without apiCode the first signature applies, whose kind is an API code.
    this.apiCode = options.apiCode ?? (code as ErrorCode & C);
    this.status = statusByCode[this.apiCode];
    this.fields = options.fields;
    this.headers = options.headers;
    this.accessRequest = options.accessRequest;
  }

  toJSON() {
    return { error: { code: this.apiCode, message: this.message, ...(this.fields ? { fields: this.fields } : {}), ...(this.accessRequest ? { accessRequest: this.accessRequest } : {}) } };
  }
}

/** Any AppError, whatever its family: compare `apiCode` for the API's meaning, `code` only with a family's own kinds. */
export function isAppError(error: unknown): error is AppError<string> {
  return error instanceof AppError;
}

export const notFound = (what = "That") =>
  new AppError("not_found", `${what} was not found. Check the address, or ask its owner for access.`);
