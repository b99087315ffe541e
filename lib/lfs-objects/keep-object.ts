import fs from "node:fs";
import path from "node:path";
import { insertLfsObjectRef, lfsObjectExists, runInTransaction } from "../db";
import { serverLfsObjectFile } from "./server-store";

/**
 * Moves a received, verified object into place and records it for the
 * project. The rename happens inside the transaction that writes the rows
 * (SQLite's write lock held), so that removing unreferenced objects, which
 * deletes rows and files under the same lock, can never remove a file that
 * has just been referred to again. A server stopped between the rename and the
 * commit leaves a file without a row, which start-up removes.
 */
export function keepObject({ projectId, oid, size, tempFile }: { projectId: string; oid: string; size: number; tempFile: string }): void {
  const file = serverLfsObjectFile(oid);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    runInTransaction(() => {
      insertLfsObjectRef({ projectId, oid, size });
      fs.renameSync(tempFile, file);
    });
  } catch (error) {
    fs.rmSync(tempFile, { force: true });
    throw error;
  }
}

/**
 * Refers the project to an object Benchtop's store already holds (for another
 * project), under the write lock so that its removal cannot come between the
 * look and the reference. Answers false when the store lacks it.
 */
export function referToKeptObject({ projectId, oid, size }: { projectId: string; oid: string; size: number }): boolean {
  return runInTransaction(() => {
    if (!lfsObjectExists({ oid }) || !fs.existsSync(serverLfsObjectFile(oid))) return false;
    insertLfsObjectRef({ projectId, oid, size });
    return true;
  });
}
