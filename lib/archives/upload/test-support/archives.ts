// Archives built byte by byte for tests, including the malicious ones that ordinary
// tools refuse to write (a "../" name, an absolute path, a link out, a bomb).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import zlib from "node:zlib";
import { Header } from "tar";

export type ZipFixtureEntry = {
  /** The name, written as UTF-8 unless given as bytes. */
  name: string | Buffer;
  data?: Buffer | string;
  /** A full Unix mode with the file type, e.g. 0o100644, 0o120777 (a symbolic link: data is its target), 0o010644 (a FIFO). */
  mode?: number;
  /** 0 stored, 8 deflated (the default). */
  method?: 0 | 8;
  /** Whether the entry says its name is UTF-8 (the default), as zip(1) in a C locale does not. */
  utf8Flag?: boolean;
};

const DOS_TIME = 0x6000; // 12:00:00
const DOS_DATE = (2024 - 1980) << 9 | (1 << 5) | 1; // 2024-01-01

type HeaderFields = { name: Buffer; crc: number; compressed: number; size: number; method: number; flags?: number };

function localHeader({ name, crc, compressed, size, method, flags = 0x0800 }: HeaderFields): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(flags, 6);
  header.writeUInt16LE(method, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(compressed, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function centralHeader({ name, crc, compressed, size, method, flags = 0x0800, mode, offset }: HeaderFields & { mode: number; offset: number }): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE((3 << 8) | 20, 4); // made on Unix, so the mode counts
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(flags, 8);
  header.writeUInt16LE(method, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(crc, 16);
  header.writeUInt32LE(compressed, 20);
  header.writeUInt32LE(size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE((mode << 16) >>> 0, 38);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, name]);
}

/** The end of central directory record; with more than 65,535 entries, preceded by its ZIP64 form and locator. */
function endRecord({ count, size, offset }: { count: number; size: number; offset: number }): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  if (count < 0xffff) return end;
  const zip64 = Buffer.alloc(56);
  zip64.writeUInt32LE(0x06064b50, 0);
  zip64.writeBigUInt64LE(44n, 4);
  zip64.writeUInt16LE((3 << 8) | 45, 12);
  zip64.writeUInt16LE(45, 14);
  zip64.writeBigUInt64LE(BigInt(count), 24);
  zip64.writeBigUInt64LE(BigInt(count), 32);
  zip64.writeBigUInt64LE(BigInt(size), 40);
  zip64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + size), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([zip64, locator, end]);
}

/** A zip holding `entries` as given, names unchecked. */
export function zipBytes(entries: ZipFixtureEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const data = Buffer.from(entry.data ?? "");
    const isDirectory = name.toString("latin1").endsWith("/");
    const method = isDirectory ? 0 : (entry.method ?? 8);
    const stored = method === 8 ? zlib.deflateRawSync(data) : data;
    const fields = { name, crc: zlib.crc32(data), compressed: stored.length, size: data.length, method, flags: entry.utf8Flag === false ? 0 : 0x0800 };
    const local = localHeader(fields);
    parts.push(local, stored);
    central.push(centralHeader({ ...fields, mode: entry.mode ?? (isDirectory ? 0o040755 : 0o100644), offset }));
    offset += local.length + stored.length;
  }
  const directory = Buffer.concat(central);
  return Buffer.concat([...parts, directory, endRecord({ count: entries.length, size: directory.length, offset })]);
}

export type TarFixtureEntry = {
  name: string;
  type?: "File" | "Directory" | "SymbolicLink" | "Link" | "FIFO" | "CharacterDevice";
  data?: Buffer | string;
  linkpath?: string;
  mode?: number;
};

/** An uncompressed tar holding `entries` as given, names unchecked (ustar headers written with the tar package). */
export function tarBytes(entries: TarFixtureEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const data = Buffer.from(entry.data ?? "");
    const type = entry.type ?? "File";
    const header = Buffer.alloc(512);
    new Header({
      path: entry.name,
      type,
      mode: entry.mode ?? (type === "Directory" ? 0o755 : 0o644),
      size: type === "File" ? data.length : 0,
      linkpath: entry.linkpath,
      mtime: new Date("2024-01-01T12:00:00Z"),
      uid: 0,
      gid: 0,
    }).encode(header);
    blocks.push(header);
    if (type === "File" && data.length > 0) blocks.push(data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

export const tarGzBytes = (entries: TarFixtureEntry[]) => zlib.gzipSync(tarBytes(entries));

/**
 * Writes a stored (uncompressed) zip of `files`, each `bytes` of random data,
 * a few MB at a time: an archive of about a gigabyte costs no memory to make.
 */
export function writeRandomZip(file: string, files: { name: string; bytes: number }[]): void {
  const CHUNK = 4 * 1024 * 1024;
  const fd = fs.openSync(file, "w");
  const central: Buffer[] = [];
  let offset = 0;
  try {
    for (const { name: text, bytes } of files) {
      const name = Buffer.from(text, "utf8");
      // The CRC is known only after the data: the header is written again once it is.
      const fields = { name, crc: 0, compressed: bytes, size: bytes, method: 0 };
      fs.writeSync(fd, localHeader(fields), 0, 30 + name.length, offset);
      let crc = 0;
      for (let written = 0; written < bytes; written += CHUNK) {
        const chunk = randomBytes(Math.min(CHUNK, bytes - written));
        crc = zlib.crc32(chunk, crc);
        fs.writeSync(fd, chunk, 0, chunk.length, offset + 30 + name.length + written);
      }
      fs.writeSync(fd, localHeader({ ...fields, crc }), 0, 30, offset);
      central.push(centralHeader({ ...fields, crc, mode: 0o100644, offset }));
      offset += 30 + name.length + bytes;
    }
    const directory = Buffer.concat(central);
    fs.writeSync(fd, Buffer.concat([directory, endRecord({ count: files.length, size: directory.length, offset })]), 0, directory.length + 22, offset);
  } finally {
    fs.closeSync(fd);
  }
}
