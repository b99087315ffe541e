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

type BatchAnswer = { objects?: { oid: string; size: number; actions?: { download?: { href: string; header?: Record<string, string> } }; error?: { code: number; message: string } }[]; message?: string };

/**
 * Downloads LFS objects from a git host's LFS API (git-lfs's batch API, basic
 * transfer) with the credential git uses there, each streamed to a temporary
 * file beside its place while its SHA-256 is taken, and moved into place only
 * when the size and hash are the ones asked for. Connections follow the network
 * policy (no private addresses unless allowed). Answers the oids the host does
 * not have; a refusal or a transfer that fails throws with words.
 */
export async function downloadLfsObjects({ gitUrl, authHeader, objects, placeOf }: { gitUrl: string; authHeader: string | null; objects: LfsObject[]; placeOf: (oid: string) => string }): Promise<string[]> {
  if (!objects.length) return [];
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
    throw new AppError("conflict", `${host} refused to hand out this repository's Git LFS files (HTTP ${response.status}${said ? `: ${said}` : ""}). Check that Git LFS is enabled for the repository there and that the account Benchtop uses may read it, then redeploy.`);
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
      throw new AppError("conflict", `The Git LFS object ${object.oid.slice(0, 12)}… from ${host} could not be kept: ${error instanceof Error ? error.message : String(error)}. Redeploy to try again.`);
    }
  }
  return missing;
}
