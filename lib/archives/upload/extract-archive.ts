import fs from "node:fs/promises";
import { extractTar } from "./extract-tar";
import { extractZip } from "./extract-zip";
import { UPLOAD_LIMITS, type UploadLimits } from "./limits";
import { refusals } from "./refusals";
import { createTreeWriter, type ExtractedTree } from "./tree-writer";

export type ArchiveFormat = "zip" | "tar.gz" | "tar";

/** The archive's format from its first bytes, whatever its name says; null when it is none that Benchtop takes. */
export async function sniffArchive(file: string): Promise<ArchiveFormat | null> {
  const handle = await fs.open(file, "r");
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, 512, 0);
    // A local file header, or the end record of an empty zip.
    if (bytesRead >= 4 && head.readUInt32LE(0) === 0x04034b50) return "zip";
    if (bytesRead >= 4 && head.readUInt32LE(0) === 0x06054b50) return "zip";
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "tar.gz";
    // A plain tar's first header names its format at offset 257 ("ustar\0" or GNU's "ustar ").
    if (bytesRead === 512 && head.subarray(257, 262).toString("latin1") === "ustar") return "tar";
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * Extracts an uploaded archive into `into` (a folder that must not exist yet),
 * refusing it with a message that says what was wrong (see refusals.ts) on the
 * first entry that breaks a rule or a limit. On a refusal, what was written so
 * far is left for the caller to remove with its work area.
 */
export async function extractArchive({ file, fileName, into, limits = UPLOAD_LIMITS }: { file: string; fileName: string; into: string; limits?: UploadLimits }): Promise<ExtractedTree> {
  const format = await sniffArchive(file);
  if (!format) throw refusals.notArchive(fileName);
  const { size } = await fs.stat(file);
  await fs.mkdir(into);
  const writer = createTreeWriter({ root: into, archiveBytes: size, limits });
  if (format === "zip") await extractZip({ file, fileName, writer });
  else await extractTar({ file, fileName, gzip: format === "tar.gz", writer });
  return writer.result();
}
