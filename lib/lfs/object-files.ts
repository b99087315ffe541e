import path from "node:path";
import { getDataDir } from "../config/env";

/** Where Git LFS objects live: DATA_DIR/lfs (objects/ and the uploads under way in tmp/). */
export const lfsDir = (): string => path.join(getDataDir(), "lfs");
export const objectsDir = (): string => path.join(lfsDir(), "objects");
export const uploadsDir = (): string => path.join(lfsDir(), "tmp");

/** An object's file, DATA_DIR/lfs/objects/{oid[0:2]}/{oid[2:4]}/{oid}, as git-lfs lays out its own store. The oid must be checked first. */
export function objectFile(oid: string): string {
  return path.join(objectsDir(), oid.slice(0, 2), oid.slice(2, 4), oid);
}
