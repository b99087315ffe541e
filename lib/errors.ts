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
 * The one error type that crosses Benchtop's layers. `message` is written for a
 * person and says what to do; it is safe to show and to send in API responses.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: Record<string, string>;
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: Record<string, string>; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = statusByCode[code];
    this.fields = options.fields;
    this.headers = options.headers;
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const notFound = (what = "That") =>
  new AppError("not_found", `${what} was not found. Check the address, or ask its owner for access.`);
