import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { getDataDir } from "../../config/env";

/** Where uploads are received and extracted: DATA_DIR/uploads, one folder per upload, never served. */
export function uploadsDir(): string {
  return path.join(getDataDir(), "uploads");
}

export type WorkArea = { dir: string; archive: string; tree: string };

/**
 * Gives `work` a folder of its own under DATA_DIR/uploads (the received file
 * and the extracted tree) and removes it afterwards, whatever happened; start-up
 * removes what a server stopped meanwhile left (removeUploadLeftovers).
 */
export async function withWorkArea<T>(work: (area: WorkArea) => Promise<T>): Promise<T> {
  const dir = path.join(uploadsDir(), randomBytes(12).toString("hex"));
  await fs.mkdir(dir, { recursive: true });
  try {
    return await work({ dir, archive: path.join(dir, "archive"), tree: path.join(dir, "tree") });
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch((error) => console.error(`Could not remove the upload folder ${dir}:`, error));
  }
}

/** Removes every upload a stopped server left (at start, when no upload can be running). Answers how many there were. */
export async function removeUploadLeftovers(): Promise<number> {
  const entries = await fs.readdir(uploadsDir()).catch(() => [] as string[]);
  await fs.rm(uploadsDir(), { recursive: true, force: true });
  return entries.length;
}
