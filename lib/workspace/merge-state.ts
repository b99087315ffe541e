import type { OverlayStore } from "./overlay/overlay-store";

/**
 * A merge in progress (pull with conflicts). The working tree's base is then
 * `mergedTree` (both sides merged, conflicting files holding markers) instead of
 * HEAD's tree, and the next commit gets two parents: `ours` and `theirs`.
 */
export type StoredMerge = {
  ours: string;
  theirs: string;
  mergedTree: string;
  /** Paths that held conflict markers when the merge started. */
  conflicts: string[];
};

const KEY = "merge";

export function readMerge(overlay: OverlayStore): Promise<StoredMerge | undefined> {
  return overlay.getMeta<StoredMerge>(KEY);
}

export function writeMerge(overlay: OverlayStore, merge: StoredMerge | undefined): Promise<void> {
  return overlay.setMeta(KEY, merge);
}
