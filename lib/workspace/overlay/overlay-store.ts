/**
 * The overlay holds uncommitted work: for each changed path, its new bytes (or
 * null for a deletion). The working tree a person sees is the base tree (the
 * last commit, read from the pack) with the overlay laid on top, so nothing is
 * written for files nobody touched.
 */
export type OverlayEntry = {
  path: string;
  /** New content; null marks a deletion. */
  content: Uint8Array | null;
  /** Blob id at this path in the base tree when the entry was made; null for a new file. */
  baseOid: string | null;
  /** Git file mode to commit with ("100644", "100755", "120000"). */
  mode: string;
  /** Increases with each write to this path. */
  version: number;
  /** Set while the content holds unresolved merge conflict markers. */
  conflict?: boolean;
  updatedAt: number;
};

export interface OverlayStore {
  get(path: string): Promise<OverlayEntry | undefined>;
  put(entry: OverlayEntry): Promise<void>;
  delete(path: string): Promise<void>;
  /** All entries, sorted by path. */
  list(): Promise<OverlayEntry[]>;
  /** Entries whose path is `prefix` or lies under the folder `prefix/`. */
  listUnder(prefix: string): Promise<OverlayEntry[]>;
  clear(): Promise<void>;
  /** Small values kept with the overlay (merge state, settings). */
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta<T>(key: string, value: T | undefined): Promise<void>;
}
