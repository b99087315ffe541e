import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { lfsUploadsDir } from "../lfs-objects";
import { overLimitMessage } from "./refusals";

export type Received = { ok: true; tempFile: string; size: number } | { ok: false; status: number; message: string };

/**
 * Streams an upload to a temporary file under DATA_DIR/lfs/tmp, hashing it on
 * the way (never whole in memory), and keeps it only if its SHA-256 is the oid
 * it was sent as and it stays within the limit: otherwise the file is removed
 * and the refusal says why. The caller moves a received file into place
 * (keepObject) or removes it.
 */
export async function receiveObject({ body, oid, maxObjectBytes }: { body: ReadableStream<Uint8Array>; oid: string; maxObjectBytes: number }): Promise<Received> {
  await fs.promises.mkdir(lfsUploadsDir(), { recursive: true });
  const tempFile = path.join(lfsUploadsDir(), `${oid}.${randomBytes(8).toString("hex")}`);
  const hash = createHash("sha256");
  let size = 0;
  let overLimit = false;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxObjectBytes) {
        overLimit = true;
        done(new Error("over the size limit"));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as unknown as NodeWebReadableStream<Uint8Array>), meter, fs.createWriteStream(tempFile, { flags: "wx" }));
  } catch (error) {
    await fs.promises.rm(tempFile, { force: true });
    if (overLimit) return { ok: false, status: 413, message: overLimitMessage({ size, limit: maxObjectBytes }) };
    throw error;
  }
  const digest = hash.digest("hex");
  if (digest !== oid) {
    await fs.promises.rm(tempFile, { force: true });
    return {
      ok: false,
      status: 422,
      message: `The content sent has the SHA-256 ${digest}, not ${oid}, so Benchtop kept none of it. Upload the object's exact content (git lfs push does), or run "git lfs fsck" to find a damaged object.`,
    };
  }
  return { ok: true, tempFile, size };
}
