import { formatBytes } from "../projects";

// What the git lfs client prints to the person at the terminal: each says what to do.

/** git's own words for a reader who tries to push, so that git and git lfs refuse alike. */
export const READ_ONLY_MESSAGE = "You can read this project but not push to it. Ask its owner for the editor role.";

/** The spec's words for an object the project does not hold (git lfs recognises a 404 with them). */
export const OBJECT_MISSING_MESSAGE = "Object does not exist";

/** Where an administrator changes the limit, named in every refusal it causes. */
export const LIMIT_SETTING_NAME = `"Largest file" under Admin, Large files (lfs.maxObjectBytes)`;

/** The refusal of an object over the limit, per object in a batch answer and for an upload. */
export function overLimitMessage({ size, limit }: { size: number; limit: number }): string {
  return `This file is ${formatBytes(size)}, over the ${formatBytes(limit)} Benchtop takes per Git LFS object (the administrator's setting ${LIMIT_SETTING_NAME}). Ask an administrator to raise it, or keep the file out of the repository.`;
}

/** An object named with a size other than its own: the pointer that names it is wrong. */
export function wrongSizeMessage({ oid, size, held }: { oid: string; size: number; held: number }): string {
  return `The object ${oid} is ${held} bytes, not ${size}: the pointer file that names it is wrong. Run "git lfs fsck" to find it.`;
}
