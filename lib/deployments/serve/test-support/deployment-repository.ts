import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { gitText } from "@/lib/archives/download/test-support/fixture-repository";

/** A file's content, a symbolic link's target, a submodule's commit, or null to delete the path. */
export type FixtureEntry = string | Uint8Array | { symlink: string } | { submodule: string } | null;

/**
 * A bare repository in `dir` made with native git, one commit per map of
 * changes (each on top of the one before). Answers the commits' ids.
 */
export function makeBareRepository(dir: string, commits: Record<string, FixtureEntry>[]): string[] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "deploy-fixture-"));
  gitText(["init", "--quiet", "--bare", dir]);
  const git = (args: string[]) => gitText(["--git-dir", dir, "--work-tree", work, ...args], work);
  try {
    return commits.map((changes, index) => {
      for (const [file, entry] of Object.entries(changes)) {
        const target = path.join(work, file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.rmSync(target, { recursive: true, force: true });
        if (typeof entry === "string" || entry instanceof Uint8Array) fs.writeFileSync(target, entry);
        else if (entry && "symlink" in entry) fs.symlinkSync(entry.symlink, target);
      }
      git(["add", "--all"]);
      for (const [file, entry] of Object.entries(changes)) {
        if (entry && typeof entry === "object" && "submodule" in entry) git(["update-index", "--add", "--cacheinfo", `160000,${entry.submodule},${file}`]);
      }
      git(["commit", "--quiet", "--allow-empty", "-m", `Commit ${index + 1}`]);
      return git(["rev-parse", "HEAD"]).trim();
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A real PNG (a solid colour, `width` by `height`), made with zlib. */
export function tinyPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (kind: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(kind, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}
