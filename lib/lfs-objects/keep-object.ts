import fs from "node:fs";
import path from "node:path";
import { insertLfsObjectRef, runInTransaction } from "../db";
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
