import fs from "node:fs";
import path from "node:path";
import { startPollLoop } from "../background";
import { lfsObjectExists, runInTransaction } from "../db";
import { lfsObjectsDir, lfsUploadsDir, removeUnreferencedObjects, serverLfsObjectFile } from "../lfs-objects";
import { isOid } from "./oid";

/**
 * An upload lasts at most the server's request timeout (an hour, in
 * server/benchtop-server.mjs): a temporary file untouched for longer belongs to
 * no upload under way, here or on another instance sharing DATA_DIR.
 */
const ABANDONED_UPLOAD_MS = 60 * 60 * 1000;

/** Every file under DATA_DIR/lfs/objects/{xx}/{yy}/. */
function listObjectFiles(): string[] {
  const files: string[] = [];
  const list = (dir: string) => fs.readdirSync(dir, { withFileTypes: true });
  const root = lfsObjectsDir();
  if (!fs.existsSync(root)) return files;
  for (const first of list(root).filter((entry) => entry.isDirectory())) {
    for (const second of list(path.join(root, first.name)).filter((entry) => entry.isDirectory())) {
      const dir = path.join(root, first.name, second.name);
      for (const file of list(dir)) files.push(path.join(dir, file.name));
    }
  }
  return files;
}

/**
 * What a stopped server (or a failed removal) may have left of Git LFS:
 * objects whose projects were deleted, a file moved into place whose row was
 * never written, temporary files of uploads that broke off. A file without a
 * row is checked again under the write lock, so an upload finishing meanwhile
 * keeps its file. Run at start and every hour (startLfsSweeper).
 */
export function removeLfsLeftovers({ now = Date.now() }: { now?: number } = {}): { objects: number; files: number; uploads: number } {
  const objects = removeUnreferencedObjects();
  let files = 0;
  for (const file of listObjectFiles()) {
    const name = path.basename(file);
    // Checked first without the lock: only a file without a row needs the second look.
    if (isOid(name) && file === serverLfsObjectFile(name) && lfsObjectExists({ oid: name })) continue;
    const orphan = runInTransaction(() => {
      if (isOid(name) && file === serverLfsObjectFile(name) && lfsObjectExists({ oid: name })) return false;
      fs.rmSync(file, { force: true, recursive: true });
      return true;
    });
    if (orphan) files += 1;
  }
  let uploads = 0;
  for (const entry of fs.existsSync(lfsUploadsDir()) ? fs.readdirSync(lfsUploadsDir()) : []) {
    const file = path.join(lfsUploadsDir(), entry);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && now - stat.mtimeMs > ABANDONED_UPLOAD_MS) {
      fs.rmSync(file, { force: true, recursive: true });
      uploads += 1;
    }
  }
  return { objects, files, uploads };
}

const SWEEP_MS = 60 * 60 * 1000;

/** Removes Git LFS leftovers now (at start) and every hour, in the background: none of them stands in the way of a request. */
export function startLfsSweeper(): void {
  startPollLoop({
    name: "Git LFS clean-up",
    pollMs: SWEEP_MS,
    step: async () => {
      removeLfsLeftovers();
      return false;
    },
  });
}
