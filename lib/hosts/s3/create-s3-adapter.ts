import { GetObjectCommand, ListObjectsV2Command, type GetObjectCommandOutput, type S3Client } from "@aws-sdk/client-s3";
import { HostError } from "../errors";
import type { BucketReport, FileSourceAdapter, RemoteFile, S3Credentials, S3Location } from "../types";
import { createS3Client, defaultRegion } from "./create-s3-client";
import { toHostError, type S3ErrorContext } from "./to-host-error";
import { validateS3Credentials, validateS3Location } from "./validate-s3-location";

/** Largest object `readFile` returns; bigger ones are refused before their body is read. */
export const maxObjectBytes = 100 * 1024 * 1024;
/** Most entries `listFiles` returns for one prefix; S3 serves them 1,000 to a page. */
export const maxListEntries = 1_000;

type Context = Omit<S3ErrorContext, "action" | "key">;

async function attempt<T>(run: () => Promise<T>, context: S3ErrorContext): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toHostError(error, context);
  }
}

/** "" for the top of the bucket, else the prefix with one trailing "/" and no leading one. */
function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+/, "").replace(/\/+$/, "");
  return trimmed ? `${trimmed}/` : "";
}

function sizeOf(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.ceil(bytes / (1024 * 1024))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Reads an object's body, refusing it as soon as it passes the limit. */
async function readBody(output: GetObjectCommandOutput, key: string, limit: number): Promise<Uint8Array> {
  const tooLarge = (size: number) => new HostError("too_large", `'${key}' is ${sizeOf(size)}; Benchtop reads objects of up to ${sizeOf(limit)}.`);
  if (!output.Body) return new Uint8Array();
  const reader = output.Body.transformToWebStream().getReader();
  if ((output.ContentLength ?? 0) > limit) {
    await reader.cancel();
    throw tooLarge(output.ContentLength ?? 0);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge(total);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function testConnection(client: S3Client, context: Context): Promise<BucketReport> {
  const { bucket } = context;
  const listed = await attempt(() => client.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 10 })), { ...context, action: "list" });
  const objects = (listed.Contents ?? []).filter((o) => o.Key);
  const objectCount = objects.length;
  // Prefer an object with content: a ranged read of an empty object is refused by some servers.
  const sample = objects.find((o) => (o.Size ?? 0) > 0) ?? objects[0];
  if (!sample?.Key) {
    return { bucket, canList: true, canRead: false, objectCount, message: "Listing works; the bucket is empty, so reading could not be checked." };
  }
  const key = sample.Key;
  try {
    await attempt(async () => {
      const output = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...((sample.Size ?? 0) > 0 ? { Range: "bytes=0-0" } : {}) }));
      await output.Body?.transformToByteArray();
    }, { ...context, action: "read", key });
  } catch (error) {
    if (!(error instanceof HostError) || error.code !== "no_permission") throw error;
    return { bucket, canList: true, canRead: false, objectCount, message: `Listing works, but reading objects is refused. ${error.message}` };
  }
  return { bucket, canList: true, canRead: true, objectCount, message: `Listed and read objects in bucket '${bucket}'.` };
}

async function listFiles(client: S3Client, context: Context, prefix: string): Promise<RemoteFile[]> {
  const dirs: RemoteFile[] = [];
  const files: RemoteFile[] = [];
  let token: string | undefined;
  do {
    const page = await attempt(
      () => client.send(new ListObjectsV2Command({ Bucket: context.bucket, Prefix: prefix || undefined, Delimiter: "/", ContinuationToken: token, MaxKeys: maxListEntries })),
      { ...context, action: "list" },
    );
    for (const p of page.CommonPrefixes ?? []) {
      if (p.Prefix) dirs.push({ path: p.Prefix.replace(/\/+$/, ""), type: "dir", size: null });
    }
    for (const o of page.Contents ?? []) {
      // The zero-byte "folder" object some consoles create for the prefix itself.
      if (o.Key && o.Key !== prefix) files.push({ path: o.Key, type: "file", size: o.Size ?? null });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token && dirs.length + files.length < maxListEntries);
  return [...dirs, ...files].slice(0, maxListEntries);
}

/**
 * An S3 bucket (AWS or S3-compatible: MinIO, Ceph, Garage...) as a file source,
 * for one location and one credential; `credentials: null` makes unsigned
 * requests, as for a public bucket. Created per request; keeps no module state;
 * throws only HostError.
 *
 * - `testConnection` lists up to 10 objects and reads one byte of the first,
 *   and reports what worked (a refused read is reported, not thrown).
 * - `listFiles` returns the "folders" (`type: "dir"`, no trailing slash) and
 *   objects directly under a prefix, at most 1,000 entries (folders first); a
 *   longer listing is cut there.
 * - `readFile` returns an object's bytes, refusing objects over 100 MB
 *   (`maxObjectBytes` lowers that, for tests).
 *
 * @throws HostError `invalid_location` (bucket, region, endpoint, keys) or
 *   `not_allowed` (endpoint outside the network policy) at once.
 */
export function createS3Adapter(options: { location: S3Location; credentials: S3Credentials | null; maxObjectBytes?: number }): FileSourceAdapter {
  const limit = Math.min(options.maxObjectBytes ?? maxObjectBytes, maxObjectBytes);
  const location = validateS3Location(options.location);
  const credentials = validateS3Credentials(options.credentials);
  const client = createS3Client({ location, credentials });
  const host = location.endpoint ? new URL(location.endpoint).host : `s3.${location.region ?? defaultRegion}.amazonaws.com`;
  const context: Context = { bucket: location.bucket, host, anonymous: credentials === null };

  return {
    testConnection: () => testConnection(client, context),
    listFiles: ({ prefix } = {}) => listFiles(client, context, normalizePrefix(prefix)),
    async readFile({ path }) {
      const key = path.replace(/^\/+/, "");
      if (!key || key.endsWith("/")) throw new HostError("invalid_location", "Give the path of an object, not of a folder.", { field: "path" });
      return attempt(async () => readBody(await client.send(new GetObjectCommand({ Bucket: location.bucket, Key: key })), key, limit), { ...context, action: "read", key });
    },
  };
}
