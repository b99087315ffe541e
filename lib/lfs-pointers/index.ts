// Git LFS pointer files, pure (browser and Node): parse and write them.
export { formatLfsPointer, MAX_POINTER_BYTES, parseLfsPointer, type LfsObject } from "./pointer";
