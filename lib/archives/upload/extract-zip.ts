import type { Readable } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { isAppError } from "../../errors";
import { refusals } from "./refusals";
import type { TreeWriter } from "./tree-writer";

const S_IFMT = 0o170000;
const KINDS: Record<number, "file" | "directory" | "link" | "character device" | "block device" | "named pipe (FIFO)" | "socket"> = {
  0o100000: "file",
  0o040000: "directory",
  0o120000: "link",
  0o020000: "character device",
  0o060000: "block device",
  0o010000: "named pipe (FIFO)",
  0o140000: "socket",
};
const MADE_ON_UNIX = 3;
const MSDOS_DIRECTORY = 0x10;
const MAX_LINK_TARGET = 4096;

type ZipItem = { entry: Entry; name: string; kind: (typeof KINDS)[number]; mode: number };

const UTF8_FLAG = 0x800;
const INFO_ZIP_UNICODE_PATH = 0x7075;
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * An entry's name. decodeStrings is off so that every name passes our own
 * checks, with our own words. Without the UTF-8 flag or Info-ZIP's Unicode
 * path, zip says CP437; but zip(1) in a C locale and other tools write UTF-8
 * without saying so, so bytes that are valid UTF-8 are read as UTF-8.
 */
function nameOf(entry: Entry): string {
  const declared = entry.generalPurposeBitFlag & UTF8_FLAG || entry.extraFields.some((field) => field.id === INFO_ZIP_UNICODE_PATH);
  if (!declared) {
    try {
      return strictUtf8.decode(entry.fileNameRaw);
    } catch {
      // Not UTF-8: CP437 as the format says.
    }
  }
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
}

/** What a zip entry is: a Unix mode when the zip was made on Unix, else a name ending in "/" (or the MS-DOS folder bit) makes a folder. */
function itemOf(entry: Entry): ZipItem {
  const name = nameOf(entry);
  const mode = entry.versionMadeBy >> 8 === MADE_ON_UNIX ? entry.externalFileAttributes >>> 16 : 0;
  const byMode = KINDS[mode & S_IFMT];
  const kind = byMode ?? (name.endsWith("/") || entry.externalFileAttributes & MSDOS_DIRECTORY ? "directory" : "file");
  return { entry, name, kind, mode: mode & 0o777 };
}

/** Every entry of the central directory, read before anything is written. */
async function listEntries(zip: ZipFile): Promise<ZipItem[]> {
  const items: ZipItem[] = [];
  return new Promise((resolve, reject) => {
    zip.on("entry", (entry: Entry) => {
      try {
        items.push(itemOf(entry));
        zip.readEntry();
      } catch (error) {
        zip.close();
        reject(error);
      }
    });
    zip.once("end", () => resolve(items));
    zip.once("error", reject);
    zip.readEntry();
  });
}

async function readLinkTarget(stream: Readable, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_LINK_TARGET) throw refusals.badName(name, `is a symbolic link whose target is over ${MAX_LINK_TARGET} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Extracts a zip with yauzl: the central directory is read first, so the
 * entry count and the declared sizes (which yauzl then holds every entry to)
 * are refused before a byte is written; then each entry goes through the tree
 * writer. yauzl passes symbolic links through as files: they are recognized by
 * their mode here and handed over as links.
 */
export async function extractZip({ file, fileName, writer }: { file: string; fileName: string; writer: TreeWriter }): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { decodeStrings: false, validateEntrySizes: true, autoClose: false });
  } catch {
    throw refusals.damaged(fileName);
  }
  try {
    // The end record's count first: an archive of a million entries is refused without reading them.
    writer.checkDeclared({ entryCount: zip.entryCount, expandedBytes: 0 });
    const items = await listEntries(zip);
    writer.checkDeclared({ entryCount: items.length, expandedBytes: items.reduce((sum, item) => sum + item.entry.uncompressedSize, 0) });
    for (const item of items) {
      const { entry, name, kind } = item;
      if (kind === "directory") {
        await writer.directory(name);
        continue;
      }
      if (kind !== "file" && kind !== "link") throw refusals.device(name, kind);
      if (entry.isEncrypted()) throw refusals.encrypted(name);
      if (!entry.canDecodeFileData()) throw refusals.unknownCompression(name);
      const content = await zip.openReadStreamPromise(entry);
      if (kind === "link") writer.link(name, await readLinkTarget(content, name));
      else await writer.file(name, { mode: item.mode, content });
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    throw refusals.damaged(fileName);
  } finally {
    zip.close();
  }
}
