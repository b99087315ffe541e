import fs from "node:fs";
import { deleteUnreferencedLfsObjects, runInTransaction } from "../db";
import { serverLfsObjectFile } from "./server-store";

/**
 * Removes the objects no project refers to any more (their projects were
 * deleted, or a copy that fetched them failed), rows and files together under
 * SQLite's write lock (see keepObject). Called after a project is deleted or
 * its creation failed, and at start for whatever a stopped or failed removal
 * left, so a failure here is logged, not passed on. Answers how many went.
 */
export function removeUnreferencedObjects(): number {
  try {
    return runInTransaction(() => {
      const oids = deleteUnreferencedLfsObjects();
      for (const oid of oids) fs.rmSync(serverLfsObjectFile(oid), { force: true });
      return oids.length;
    });
  } catch (error) {
    console.error("Removing Git LFS objects no project refers to failed (the next start tries again):", error);
    return 0;
  }
}
