import { once, type EventEmitter } from "node:events";
import fs from "node:fs";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { Parser, type ReadEntry } from "tar";
import { isAppError } from "../../errors";
import { refusals } from "./refusals";
import type { TreeWriter } from "./tree-writer";

async function writeEntry(entry: ReadEntry, writer: TreeWriter): Promise<void> {
  const name = entry.path;
  switch (entry.type) {
    case "File":
    case "OldFile":
    case "ContiguousFile":
      // Read through its async iterator, which also ends when the entry is destroyed on a failure.
      return writer.file(name, { mode: entry.mode ?? 0o644, content: Readable.from(entry as AsyncIterable<Buffer>, { objectMode: false }) });
    case "Directory":
    case "GNUDumpDir":
      entry.resume();
      return writer.directory(name);
    case "SymbolicLink":
      entry.resume();
      return writer.link(name, entry.linkpath ?? "");
    case "Link":
      throw refusals.hardLink(name, entry.linkpath ?? "");
    case "CharacterDevice":
    case "BlockDevice":
      throw refusals.device(name, "device file");
    case "FIFO":
      throw refusals.device(name, "named pipe (FIFO)");
    default:
      throw refusals.unknownKind(name, entry.type);
  }
}

/** What a failure of gunzip or the tar parser means for the person who uploaded the file. */
function refusalFor(error: unknown, { fileName, sawEntry }: { fileName: string; sawEntry: boolean }) {
  if (isAppError(error)) return error;
  const tarCode = (error as { tarCode?: string }).tarCode;
  if (tarCode && !sawEntry) return refusals.notTar(fileName);
  return refusals.damaged(fileName);
}

/**
 * Extracts a tar archive (gzip-compressed unless `gzip` is false) with the
 * `tar` package's parser, in strict mode so that a damaged header or a cut-off
 * entry is an error, never a warning. The parser only reads; every entry is
 * checked and written by the tree writer, one after the other, with
 * backpressure from the disk all the way back to the file being read.
 */
export async function extractTar({ file, fileName, gzip, writer }: { file: string; fileName: string; gzip: boolean; writer: TreeWriter }): Promise<void> {
  // Decompressed here (zlib, with backpressure); the parser's own sniffing stays off.
  const parser = new Parser({ strict: true, brotli: false, zstd: false });
  const source = fs.createReadStream(file);
  let failure: unknown = null;
  let sawEntry = false;
  let markFailed: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (markFailed = reject));
  failed.catch(() => {});
  // Entries being written: on a failure they are ended, or their writes would wait for the rest forever.
  const active = new Set<ReadEntry>();
  const fail = (error: unknown) => {
    if (failure) return;
    failure = error;
    markFailed(error);
    source.destroy();
    for (const entry of active) entry.destroy();
  };
  // Waits for an event of the parser, unless the extraction fails meanwhile.
  const until = (emitter: EventEmitter, event: string) => Promise.race([once(emitter, event), failed]);

  const writes: Promise<void>[] = [];
  parser.on("entry", (entry: ReadEntry) => {
    sawEntry = true;
    if (failure) return void entry.resume();
    active.add(entry);
    writes.push(
      writeEntry(entry, writer)
        .catch((error) => {
          fail(error);
          entry.resume();
        })
        .finally(() => active.delete(entry)),
    );
  });
  parser.on("ignoredEntry", (entry: ReadEntry) => fail(refusals.unknownKind(entry.path, entry.type)));
  parser.on("error", fail);

  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (failure) return done(failure as Error);
      if (parser.write(chunk)) return done();
      until(parser, "drain").then(() => done(), done);
    },
    final(done) {
      const ended = until(parser, "end");
      parser.end();
      ended.then(() => done(), done);
    },
  });
  try {
    await pipeline([source, ...(gzip ? [createGunzip()] : []), sink]);
  } catch (error) {
    fail(error);
  }
  await Promise.all(writes);
  if (failure) throw refusalFor(failure, { fileName, sawEntry });
}
