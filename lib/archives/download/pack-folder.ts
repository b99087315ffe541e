import fs from "node:fs/promises";
import path from "node:path";
import { PassThrough } from "node:stream";
import { create as createTar } from "tar";
import { ZipFile } from "yazl";
import type { ArchiveFormat } from "./schema";

const SYMLINK_MODE = 0o120777;
const DIRECTORY_MODE = 0o40755;

/** Adds the folder `dir` (named `entry` in the zip) and everything in it, in name order; symbolic links stay links (their target as content). */
async function addToZip({ zip, dir, entry, mtime }: { zip: ZipFile; dir: string; entry: string; mtime: Date }): Promise<void> {
  zip.addEmptyDirectory(entry, { mtime, mode: DIRECTORY_MODE });
  const children = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const child of children) {
    const real = path.join(dir, child.name);
    const name = `${entry}/${child.name}`;
    if (child.isDirectory()) await addToZip({ zip, dir: real, entry: name, mtime });
    else if (child.isSymbolicLink()) zip.addBuffer(Buffer.from(await fs.readlink(real)), name, { mtime, mode: SYMLINK_MODE, compress: false });
    // Packs and their indexes are compressed already: deflating them again only costs time.
    else if (child.isFile()) zip.addFile(real, name, { mtime, compress: !name.includes("/.git/objects/pack/") });
  }
}

function zipFolder({ cwd, name, mtime }: { cwd: string; name: string; mtime: Date }): AsyncIterable<Uint8Array> {
  const zip = new ZipFile();
  const out = new PassThrough();
  const fail = (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error)));
  zip.on("error", fail);
  zip.outputStream.on("error", fail);
  zip.outputStream.pipe(out);
  // Files are read as the zip reaches them, at the pace the output is taken.
  addToZip({ zip, dir: path.join(cwd, name), entry: name, mtime }).then(() => zip.end(), fail);
  return out;
}

/**
 * Packs the folder `name` in `cwd` as a zip (yazl) or a gzipped tar (tar),
 * streamed: entries are read from disk as the archive is taken. Every entry
 * carries `mtime` (the commit's time) and none carries this server's user or
 * group (tar's portable mode).
 */
export function packFolder({ cwd, name, format, mtime }: { cwd: string; name: string; format: ArchiveFormat; mtime: Date }): AsyncIterable<Uint8Array> {
  if (format === "zip") return zipFolder({ cwd, name, mtime });
  return createTar({ cwd, gzip: true, portable: true, mtime }, [name]);
}
