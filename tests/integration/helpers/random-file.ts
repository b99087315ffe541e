import { randomBytes } from "node:crypto";
import fs from "node:fs";

const CHUNK = 4 * 1024 * 1024;

/** Writes `bytes` of random (incompressible) data, a few MB at a time. */
export function writeRandomFile(file: string, bytes: number): void {
  const fd = fs.openSync(file, "w");
  for (let written = 0; written < bytes; written += CHUNK) fs.writeSync(fd, randomBytes(Math.min(CHUNK, bytes - written)));
  fs.closeSync(fd);
}
