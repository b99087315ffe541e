import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../errors";
import { assertLocationAllowed, createSafeFetch } from "../hosts";
import type { LfsObject } from "../lfs-pointers";

const LFS_JSON = "application/vnd.git-lfs+json";
/** An object's transfer may take this long (large models on a slow link). */
const TRANSFER_TIMEOUT_MS = 30 * 60_000;
/** Objects per batch request: git-lfs's own (lfs.transfer.batchSize), what hosts are made for. */
const BATCH_SIZE = 100;

type BatchAnswer = { objects?: { oid: string; size: number; actions?: { download?: { href: string; header?: Record<string, string> } }; error?: { code: number; message: string } }[]; message?: string };

/** Words for a host's refusal of the batch request: its status and its own message, if any. */
export type LfsRefusalWords = (refusal: { host: string; status: number; said: string | undefined }) => string;

const defaultRefusal =
  (retry: string): LfsRefusalWords =>
  ({ host, status, said }) =>
    `${host} refused to hand out this repository's Git LFS files (HTTP ${status}${said ? `: ${said}` : ""}). Check that Git LFS is enabled for the repository there and that the account Benchtop uses may read it, then ${retry}.`;

/**
 * Downloads LFS objects from a git host's LFS API (git-lfs's batch API, basic
 * transfer, BATCH_SIZE objects per request as git-lfs asks) with the
 * credential git uses there, each streamed to a temporary file beside its place
 * while its SHA-256 is taken, and moved into place only when the size and hash
 * are the ones asked for; `kept` is told of each as it arrives. Connections
 * follow the network policy (no private addresses unless allowed). Answers the
 * oids the host does not have; a refusal (worded by `refused`) or a transfer
 * that fails throws with words ending in what to do (`retry`: "redeploy").
 */
export async function downloadLfsObjects({
  gitUrl,
  authHeader,
  objects,
  placeOf,
  retry = "redeploy",
  refused = defaultRefusal(retry),
  kept,
}: {
  gitUrl: string;
  authHeader: string | null;
  objects: LfsObject[];
  placeOf: (oid: string) => string;
  retry?: string;
  refused?: LfsRefusalWords;
  kept?: (object: LfsObject, file: string) => void | Promise<void>;
}): Promise<string[]> {
  const missing: string[] = [];
  for (let start = 0; start < objects.length; start += BATCH_SIZE) {
    missing.push(...(await downloadBatch({ gitUrl, authHeader, objects: objects.slice(start, start + BATCH_SIZE), placeOf, retry, refused, kept })));
  }
  return missing;
}

async function downloadBatch({
  gitUrl,
  authHeader,
  objects,
  placeOf,
  retry,
  refused,
  kept,
}: {
  gitUrl: string;
  authHeader: string | null;
  objects: LfsObject[];
  placeOf: (oid: string) => string;
  retry: string;
  refused: LfsRefusalWords;
  kept?: (object: LfsObject, file: string) => void | Promise<void>;
}): Promise<string[]> {
  const host = new URL(gitUrl).host;
  const fetch = createSafeFetch({ timeoutMs: 60_000 });
  const batchUrl = `${gitUrl.replace(/\/$/, "")}/info/lfs/objects/batch`;
  assertLocationAllowed(new URL(batchUrl));
  const response = await fetch(batchUrl, {
    method: "POST",
    headers: { accept: LFS_JSON, "content-type": LFS_JSON, ...(authHeader ? { authorization: authHeader } : {}) },
    body: JSON.stringify({ operation: "download", transfers: ["basic"], objects: objects.map(({ oid, size }) => ({ oid, size })) }),
  });
  if (!response.ok) {
    const said = ((await response.json().catch(() => ({}))) as BatchAnswer).message;
    throw new AppError("conflict", refused({ host, status: response.status, said: typeof said === "string" ? said.slice(0, 200) : undefined }));
  }
  const answer = (await response.json()) as BatchAnswer;
  const missing: string[] = [];
  const transfers = createSafeFetch({ timeoutMs: TRANSFER_TIMEOUT_MS });
  for (const object of objects) {
    const entry = answer.objects?.find((item) => item.oid === object.oid);
    const action = entry?.actions?.download;
    if (!action) {
      missing.push(object.oid);
      continue;
    }
    // The host names where each object is (often a storage service): the same policy applies there.
    assertLocationAllowed(new URL(action.href), "href");
    const download = await transfers(action.href, { headers: action.header ?? {} });
    if (!download.ok || !download.body) throw new AppError("conflict", `${host} did not hand over the Git LFS object ${object.oid.slice(0, 12)}… (HTTP ${download.status}). Try again; if it keeps failing, check the repository's LFS storage at ${host}.`);
    const place = placeOf(object.oid);
    await fs.promises.mkdir(path.dirname(place), { recursive: true });
    const temp = `${place}.${randomBytes(6).toString("hex")}.tmp`;
    const hash = createHash("sha256");
    let size = 0;
    try {
      await pipeline(
        Readable.fromWeb(download.body as import("node:stream/web").ReadableStream),
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            if (size > object.size) throw new Error("more bytes than the pointer says");
            hash.update(chunk);
            yield chunk;
          }
        },
        fs.createWriteStream(temp),
      );
      if (size !== object.size || hash.digest("hex") !== object.oid) throw new Error("its content does not match its pointer");
      await fs.promises.rename(temp, place);
    } catch (error) {
      await fs.promises.rm(temp, { force: true });
      throw new AppError("conflict", `The Git LFS object ${object.oid.slice(0, 12)}… from ${host} could not be kept: ${error instanceof Error ? error.message : String(error)}. Try again: ${retry}.`);
    }
    await kept?.(object, place);
  }
  return missing;
}
