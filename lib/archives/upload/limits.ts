/** What an upload may be and expand to. Tests pass smaller ones to extractArchive. */
export type UploadLimits = {
  /** The archive file itself. */
  maxUploadBytes: number;
  /** Files, folders and links in the archive. */
  maxEntries: number;
  /** All files together, once extracted. */
  maxExpandedBytes: number;
  /** Expanded bytes per archive byte, enforced once the expanded size passes ratioFloorBytes (a "zip bomb"). */
  maxRatio: number;
  ratioFloorBytes: number;
};

const MB = 1024 * 1024;
const GB = 1024 * MB;

export const UPLOAD_LIMITS: UploadLimits = {
  maxUploadBytes: GB,
  maxEntries: 100_000,
  maxExpandedBytes: 4 * GB,
  maxRatio: 200,
  // Small archives of very repetitive text (logs, padded tar files) may compress further than that; they harm nobody.
  ratioFloorBytes: 64 * MB,
};

/** "1 GB", "150 MB": sizes in the units the messages use (powers of 1,024). */
export function sizeInWords(bytes: number): string {
  if (bytes >= GB) return `${Number((bytes / GB).toFixed(1))} GB`;
  if (bytes >= MB) return `${Math.round(bytes / MB)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
