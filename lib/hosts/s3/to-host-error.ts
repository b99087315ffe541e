import { HostError } from "../errors";
import { unreachableError } from "../unreachable";

/** What was being attempted when a request failed, so that the message can say what to fix. */
export type S3ErrorContext = {
  bucket: string;
  action: "list" | "read";
  /** The object key, for reads. */
  key?: string;
  /** Host of the endpoint ("s3.amazonaws.com" for AWS), for network messages. */
  host: string;
  anonymous: boolean;
};

const credentialCodes = new Set(["InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "TokenRefreshRequired", "InvalidSecurity"]);
const throttlingCodes = new Set(["SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequests", "TooManyRequestsException"]);
const regionCodes = new Set(["PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException", "IncorrectEndpoint"]);
const networkCodes = new Set(["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EPIPE", "ECONNABORTED"]);
const tlsCodes = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH|ERR_OSSL_)/;

type Failure = {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  Region?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
};

/** The error and its causes, outermost first (the SDK and Node wrap network errors). */
function chainOf(error: unknown): Failure[] {
  const chain: Failure[] = [];
  let current: unknown = error;
  while (current && typeof current === "object" && chain.length < 5) {
    chain.push(current as Failure);
    current = (current as Failure).cause;
  }
  return chain;
}

function stringOf(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

function permissionOf(context: S3ErrorContext): string {
  return context.action === "list" ? `s3:ListBucket on arn:aws:s3:::${context.bucket}` : `s3:GetObject on arn:aws:s3:::${context.bucket}/*`;
}

function mapServiceError(code: string, status: number | undefined, failure: Failure, context: S3ErrorContext): HostError | null {
  const { bucket, key } = context;
  if (credentialCodes.has(code)) {
    return new HostError("bad_credentials", `The access key ID or secret access key is wrong, or the session token expired (${code}). Check the keys for bucket '${bucket}', or create new ones.`, { cause: failure });
  }
  if (code === "NoSuchBucket") {
    return new HostError("not_found", `Bucket '${bucket}' does not exist here. Check its name, region and endpoint.`, { cause: failure });
  }
  if (code === "NoSuchKey" || (status === 404 && key)) {
    return new HostError("not_found", `'${key ?? ""}' was not found in bucket '${bucket}'.`, { cause: failure });
  }
  if (regionCodes.has(code) || status === 301) {
    const region = stringOf(failure.Region);
    return new HostError("invalid_location", `Bucket '${bucket}' is in another region${region ? ` (${region})` : ""}: set the region to the bucket's own.`, { field: "region", cause: failure });
  }
  if (code === "InvalidObjectState") {
    return new HostError("not_supported", `'${key ?? ""}' is in an archive storage class; restore it in S3 before reading it.`, { cause: failure });
  }
  if (throttlingCodes.has(code) || status === 429 || status === 503) {
    return new HostError("rate_limited", "The storage service is throttling requests. Try again in a little while.", { resetAt: new Date(Date.now() + 30_000), cause: failure });
  }
  if (code === "AccessDenied" || code === "AllAccessDisabled" || status === 403) {
    const message = context.anonymous
      ? `Bucket '${bucket}' does not allow anonymous ${context.action === "list" ? "listing" : "reading"}. Add an access key that has ${permissionOf(context)}.`
      : `The access key may not ${context.action === "list" ? "list" : "read"} bucket '${bucket}': it needs ${permissionOf(context)}.`;
    return new HostError("no_permission", message, { cause: failure });
  }
  if (status === 404) {
    return new HostError("not_found", `Bucket '${bucket}' was not found at this endpoint. Check its name and the endpoint.`, { cause: failure });
  }
  return null;
}

function mapNetworkError(code: string, failure: Failure, context: S3ErrorContext): HostError | null {
  if (code === "ENOTALLOWED") {
    return new HostError("not_allowed", `${context.host} resolves to a private or local address, which Benchtop does not contact. Ask an administrator to list it in BENCHTOP_INSECURE_HOSTS if it is meant.`, { field: "endpoint", cause: failure });
  }
  if (tlsCodes.test(code)) {
    return new HostError("tls", `The TLS certificate of ${context.host} could not be verified (${code}). Fix the certificate, or use the endpoint's trusted address.`, { cause: failure });
  }
  if (networkCodes.has(code) || code === "TimeoutError") {
    return unreachableError({ host: context.host, code, cause: failure });
  }
  return null;
}

/**
 * Turns whatever the AWS SDK threw into a HostError that says what to fix;
 * provider messages are never passed on, only their codes.
 */
export function toHostError(error: unknown, context: S3ErrorContext): HostError {
  if (error instanceof HostError) return error;
  for (const failure of chainOf(error)) {
    const code = stringOf(failure.Code) ?? stringOf(failure.code) ?? stringOf(failure.name) ?? "";
    const status = failure.$metadata?.httpStatusCode;
    const mapped = status !== undefined ? mapServiceError(code, status, failure, context) : mapNetworkError(code, failure, context);
    if (mapped) return mapped;
  }
  const head = chainOf(error)[0];
  const code = stringOf(head?.name) ?? "unknown error";
  const status = head?.$metadata?.httpStatusCode;
  return new HostError("upstream", `The storage service at ${context.host} answered with an error (${code}${status ? `, HTTP ${status}` : ""}).`, { cause: error });
}
