import zlib from "node:zlib";
import { createPushCommandReader, type PushCommands } from "./push-commands";
import { createPushReportReader, type PushReport } from "./push-report";
import type { PktLineFeed } from "./pkt-lines";

/**
 * Passes a body on unchanged, piece by piece with backpressure, while `feed`
 * looks at each piece (until it wants no more); `onEnd` says whether the body
 * was read to its end (true) or abandoned (false).
 */
function watchStream({ body, feed, onEnd }: { body: ReadableStream<Uint8Array>; feed: PktLineFeed; onEnd: (complete: boolean) => void }): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let watching = true;
  let ended = false;
  const end = (complete: boolean) => {
    if (!ended) onEnd(complete);
    ended = true;
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            end(true);
            return controller.close();
          }
          if (watching) watching = feed(value);
          controller.enqueue(value);
        } catch (error) {
          end(false);
          controller.error(error);
        }
      },
      async cancel(reason) {
        end(false);
        await reader.cancel(reason).catch(() => {});
      },
    },
    { highWaterMark: 0 },
  );
}

/** How much of a compressed request is inflated to find its commands. */
const INFLATE_MAX_BYTES = 1024 * 1024;

/**
 * Watches a git-receive-pack request body for its ref update commands as it
 * passes (inflating a copy of its start when the client compressed it); the
 * pack is passed on untouched and never kept.
 */
export function watchPushRequest({ body, contentEncoding }: { body: ReadableStream<Uint8Array>; contentEncoding: string | null }): { body: ReadableStream<Uint8Array>; commands: () => PushCommands } {
  const reader = createPushCommandReader();
  const encoding = (contentEncoding ?? "identity").trim().toLowerCase();
  if (encoding === "identity") return { body: watchStream({ body, feed: reader.feed, onEnd: () => {} }), commands: reader.result };
  const inflate = encoding === "deflate" ? zlib.createInflate() : zlib.createGunzip();
  let reading = true;
  let written = 0;
  inflate.on("data", (chunk: Buffer) => {
    reading &&= reader.feed(chunk);
    if (!reading) inflate.destroy();
  });
  inflate.on("error", () => (reading = false));
  const feed: PktLineFeed = (chunk) => {
    // Inflating runs beside the stream; the commands sit in its first bytes, so the pack is not fed on and on.
    written += chunk.byteLength;
    if (reading && written <= INFLATE_MAX_BYTES) inflate.write(chunk);
    return reading && written <= INFLATE_MAX_BYTES;
  };
  return { body: watchStream({ body, feed, onEnd: () => inflate.end() }), commands: reader.result };
}

/**
 * Watches git-receive-pack's response body for its report-status as it streams
 * to the client. `report` settles once the body has ended or been abandoned:
 * git's report, or null when it was not seen whole.
 */
export function watchPushResponse({ body }: { body: ReadableStream<Uint8Array> }): { body: ReadableStream<Uint8Array>; report: Promise<PushReport | null> } {
  const reader = createPushReportReader();
  let settle: (report: PushReport | null) => void = () => {};
  const report = new Promise<PushReport | null>((resolve) => (settle = resolve));
  return { body: watchStream({ body, feed: reader.feed, onEnd: () => settle(reader.result()) }), report };
}
