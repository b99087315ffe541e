import net from "node:net";
import { HostError } from "../errors";
import type { S3Credentials, S3Location } from "../types";

/** What a user typed for a bucket (API.md, the S3 body of "Remote repositories"). */
export type S3LocationInput = { bucket: string; region?: string | null; endpoint?: string | null };

// AWS's general-purpose bucket naming rules; S3-compatible servers accept a superset.
const bucketPattern = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
// Covers AWS (us-east-1, us-gov-west-1, cn-northwest-1) and the names S3-compatible
// servers use (MinIO's us-east-1, Garage's "garage", Ceph zone groups).
const regionPattern = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;

function invalid(field: string, message: string): HostError {
  return new HostError("invalid_location", message, { field });
}

/** Refuses a bucket name S3 would refuse, with the rule it breaks. */
export function validateBucketName(bucket: string): string {
  const name = bucket.trim();
  if (name.length < 3 || name.length > 63) {
    throw invalid("bucket", "A bucket name is 3 to 63 characters long.");
  }
  if (!bucketPattern.test(name)) {
    throw invalid("bucket", "A bucket name uses lowercase letters, digits, dots and hyphens, and starts and ends with a letter or digit.");
  }
  if (name.includes("..") || name.includes(".-") || name.includes("-.")) {
    throw invalid("bucket", "A bucket name has no two dots in a row, and no dot next to a hyphen.");
  }
  if (net.isIPv4(name)) {
    throw invalid("bucket", "A bucket name cannot look like an IP address.");
  }
  return name;
}

/** Normalises a region ("" or absent -> null) and refuses one S3 could not have. */
export function validateRegion(region: string | null | undefined): string | null {
  const value = region?.trim().toLowerCase() ?? "";
  if (!value) return null;
  if (!regionPattern.test(value)) {
    throw invalid("region", "A region looks like us-east-1 or eu-west-3: lowercase letters, digits and hyphens.");
  }
  return value;
}

/**
 * Normalises an S3-compatible endpoint ("" or absent -> null, AWS itself) to
 * `scheme://host[:port][/path]` without a trailing slash. Whether Benchtop may
 * contact it is `assertLocationAllowed`'s question, asked when connecting.
 */
export function validateEndpoint(endpoint: string | null | undefined): string | null {
  const value = endpoint?.trim() ?? "";
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid("endpoint", "Give the endpoint as a full address, such as https://minio.example.com:9000.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalid("endpoint", "Give the endpoint as an https:// address.");
  }
  if (url.username || url.password) {
    throw invalid("endpoint", "Leave the user name and password out of the endpoint; put the keys in their own fields.");
  }
  if (url.search || url.hash) {
    throw invalid("endpoint", "Give the endpoint without a query string or fragment.");
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * Checks and normalises a bucket location as the user typed it.
 *
 * @throws HostError `invalid_location` with the offending field (`bucket`, `region`, `endpoint`).
 */
export function validateS3Location(input: S3LocationInput): S3Location {
  return { bucket: validateBucketName(input.bucket), region: validateRegion(input.region), endpoint: validateEndpoint(input.endpoint) };
}

/**
 * Checks that keys, when given, are complete: an access key ID without its
 * secret is a typing slip, not an anonymous request.
 *
 * @throws HostError `invalid_location` with field `accessKeyId` or `secretAccessKey`.
 */
export function validateS3Credentials(credentials: S3Credentials | null): S3Credentials | null {
  if (!credentials) return null;
  const accessKeyId = credentials.accessKeyId.trim();
  const secretAccessKey = credentials.secretAccessKey.trim();
  if (!accessKeyId) throw invalid("accessKeyId", "Give the access key ID that goes with the secret access key.");
  if (!secretAccessKey) throw invalid("secretAccessKey", "Give the secret access key that goes with the access key ID.");
  const sessionToken = credentials.sessionToken?.trim() || null;
  return { accessKeyId, secretAccessKey, sessionToken };
}
