import type { OverlayStore } from "./overlay/overlay-store";

/**
 * A merge in progress (pull with conflicts). The working tree's base is then
 * `mergedTree` (both sides merged, conflicting files holding markers) instead of
 * HEAD's tree, and the next commit gets two parents: `ours` and `theirs`.
 */
export type StoredMerge = {
  ours: string;
  theirs: string;
  /** Their common ancestor, from which notebooks' conflicts are merged again cell by cell (absent in merges stored before that). */
  base?: string;
  mergedTree: string;
  /** Paths that were in conflict when the merge started. */
  conflicts: string[];
  /** Those of them that are notebooks merged cell by cell (no markers: conflicting cells hold ours until settled). */
  notebooks?: string[];
};

const KEY = "merge";

export function readMerge(overlay: OverlayStore): Promise<StoredMerge | undefined> {
  return overlay.getMeta<StoredMerge>(KEY);
}

export function writeMerge(overlay: OverlayStore, merge: StoredMerge | undefined): Promise<void> {
  return overlay.setMeta(KEY, merge);
}
