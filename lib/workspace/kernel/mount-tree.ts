import type { FileEntry } from "../types";
import type { MountReport } from "./types";

/** The session's working tree as the kernel reads it (saved edits included). */
export type ProjectFiles = {
  /** Every file of the working tree, with its size when known (so large files are left out unread). */
  listFiles(): Promise<{ path: string; size?: number }[]>;
  readFile(path: string): Promise<Uint8Array>;
};

/** What workingTreeFiles needs of the session's workspace API (or its Comlink remote). */
type TreeReader = {
  listDirectory(options: { path: string }): Promise<FileEntry[]>;
  readFileBytes(options: { path: string }): Promise<Uint8Array>;
};

/** The session's working tree, uncommitted edits included, as a kernel mounts it. */
export function workingTreeFiles(api: TreeReader): ProjectFiles {
  return {
    async listFiles() {
      const files: { path: string }[] = [];
      const folders = [""];
      for (let folder = folders.shift(); folder !== undefined; folder = folders.shift()) {
        for (const entry of await api.listDirectory({ path: folder })) {
          if (entry.type === "dir") folders.push(entry.path);
          else files.push({ path: entry.path });
        }
      }
      return files;
    },
    readFile: (path) => api.readFileBytes({ path }),
  };
}

/**
 * How much of the working tree a kernel mounts at start: the files are copied
 * into the kernel's memory, so a tree past these limits is mounted in part (the
 * report says which files were left out and why).
 */
export const MOUNT_LIMITS = { files: 5_000, fileBytes: 20 * 2 ** 20, totalBytes: 100 * 2 ** 20 };

const BATCH_BYTES = 8 * 2 ** 20;

/** Copies the working tree into the kernel (`mount` takes a batch of files) within the limits. */
export async function mountTree(
  files: ProjectFiles,
  mount: (batch: { path: string; bytes: Uint8Array }[]) => Promise<void>,
  limits = MOUNT_LIMITS,
): Promise<MountReport> {
  const report: MountReport = { files: 0, bytes: 0, skipped: [] };
  let batch: { path: string; bytes: Uint8Array }[] = [];
  let batchBytes = 0;
  const refusal = (size: number | undefined) =>
    report.files >= limits.files
      ? `more than ${limits.files} files`
      : size !== undefined && size > limits.fileBytes
        ? `larger than ${limits.fileBytes / 2 ** 20} MB`
        : size !== undefined && report.bytes + size > limits.totalBytes
          ? `more than ${limits.totalBytes / 2 ** 20} MB in all`
          : null;
  for (const { path, size } of await files.listFiles()) {
    const before = refusal(size);
    if (before) {
      report.skipped.push({ path, reason: before });
      continue;
    }
    const bytes = await files.readFile(path);
    const after = refusal(bytes.byteLength);
    if (after) {
      report.skipped.push({ path, reason: after });
      continue;
    }
    batch.push({ path, bytes });
    batchBytes += bytes.byteLength;
    report.files += 1;
    report.bytes += bytes.byteLength;
    if (batchBytes >= BATCH_BYTES) {
      await mount(batch);
      batch = [];
      batchBytes = 0;
    }
  }
  if (batch.length) await mount(batch);
  return report;
}
