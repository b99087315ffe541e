import path from "node:path";
import { getDataDir } from "../config/env";

/** Where Benchtop's own git server keeps Git LFS: DATA_DIR/lfs (objects/ and, in tmp/, transfers under way). */
const lfsDir = (): string => path.join(getDataDir(), "lfs");
export const lfsObjectsDir = (): string => path.join(lfsDir(), "objects");
export const lfsUploadsDir = (): string => path.join(lfsDir(), "tmp");

/** An object's file, DATA_DIR/lfs/objects/{oid[0:2]}/{oid[2:4]}/{oid}, as git-lfs lays out its own store. The oid must be checked first. */
export function serverLfsObjectFile(oid: string): string {
  return path.join(lfsObjectsDir(), oid.slice(0, 2), oid.slice(2, 4), oid);
}
