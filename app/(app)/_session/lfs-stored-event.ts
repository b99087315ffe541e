// Between the panes that open large files (Git LFS) and the summary of what this browser keeps of them.
const STORED_EVENT = "benchtop:lfs-stored";

/** Tells the storage summary that a large file was opened (maybe downloaded into this browser). */
export function announceLfsStored(): void {
  window.dispatchEvent(new Event(STORED_EVENT));
}

/** Calls `listener` after each announceLfsStored; returns the unsubscribe. */
export function onLfsStored(listener: () => void): () => void {
  window.addEventListener(STORED_EVENT, listener);
  return () => window.removeEventListener(STORED_EVENT, listener);
}
