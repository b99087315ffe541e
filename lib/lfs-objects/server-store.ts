import path from "node:path";
import { getDataDir } from "../config/env";

/** Where Benchtop's own git server keeps LFS objects: DATA_DIR/lfs/objects, by SHA-256 (git-lfs's own layout). */
export function serverLfsObjectFile(oid: string): string {
  return path.join(getDataDir(), "lfs", "objects", oid.slice(0, 2), oid.slice(2, 4), oid);
}
