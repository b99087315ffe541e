import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { stagingPath } from "../../git-server";

/** A folder of one download's own, and its removal (safe to call more than once). */
export type TempFolder = { dir: string; remove: () => Promise<void> };

/**
 * Makes a folder for one download among the repositories being made out of
 * sight (DATA_DIR/repos/.staging): never served, and removed at start-up with
 * the rest of that folder when the server stopped before the download ended.
 */
export async function createTempFolder({ purpose }: { purpose: "fetch" | "history" | "files" }): Promise<TempFolder> {
  const dir = stagingPath({ name: `archive-${purpose}-${randomBytes(8).toString("hex")}` });
  await fs.mkdir(dir, { recursive: true });
  return { dir, remove: () => fs.rm(dir, { recursive: true, force: true }).catch(() => {}) };
}
