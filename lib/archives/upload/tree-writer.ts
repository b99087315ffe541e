import fs from "node:fs";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { entrySegments } from "./entry-names";
import type { UploadLimits } from "./limits";
import { refusals } from "./refusals";

export type TreeFile = { size: number; executable: boolean };
export type TreeLink = { target: string; name: string };

/** What an archive held, written under `root` (files and folders) and listed here (symbolic links are never written to disk). */
export type ExtractedTree = {
  root: string;
  files: Map<string, TreeFile>;
  links: Map<string, TreeLink>;
  entries: number;
  expandedBytes: number;
};

// Finder's zips carry resource forks in a __MACOSX folder beside the files; they are no part of the project.
const skipped = (segments: string[]) => segments[0] === "__MACOSX";

const CONFLICTS = new Set(["EEXIST", "ENOTDIR", "EISDIR"]);

/**
 * Writes an archive's entries into `root`, the one place extraction writes:
 * each name is checked (entrySegments) before anything is made, files are
 * created new (never through an existing file, and with no link on disk to
 * follow), and every byte is counted against the limits on entries, expanded
 * size and expansion ratio, so that a refusal comes while writing, not after.
 */
export function createTreeWriter({ root, archiveBytes, limits }: { root: string; archiveBytes: number; limits: UploadLimits }) {
  const files = new Map<string, TreeFile>();
  const links = new Map<string, TreeLink>();
  // Every folder written so far, named or implied by a file's path, so that a name used
  // both as a file and as a folder is refused by bookkeeping, whatever error code (if
  // any) the file system would give for it.
  const folders = new Set<string>();
  let entries = 0;
  let expandedBytes = 0;

  const checkExpanded = (total: number) => {
    if (total > limits.maxExpandedBytes) throw refusals.tooBig(limits);
    if (total > limits.ratioFloorBytes && total > limits.maxRatio * archiveBytes) throw refusals.bomb(limits);
  };
  const nextEntry = (name: string): string[] | null => {
    entries += 1;
    if (entries > limits.maxEntries) throw refusals.tooManyEntries(limits);
    const segments = entrySegments(name);
    return skipped(segments) ? null : segments;
  };
  /** Claims `segments` as a file or a folder, refusing a name already taken as the other (or as a file, twice). */
  const claim = (name: string, segments: string[], kind: "file" | "folder") => {
    const at = segments.join("/");
    if (files.has(at) || (kind === "file" && folders.has(at))) throw refusals.twice(name);
    for (let depth = 1; depth < segments.length; depth += 1) {
      const parent = segments.slice(0, depth).join("/");
      if (files.has(parent)) throw refusals.twice(name);
      folders.add(parent);
    }
    if (kind === "folder") folders.add(at);
  };
  const conflict = (name: string) => (error: NodeJS.ErrnoException) => {
    throw CONFLICTS.has(error.code ?? "") ? refusals.twice(name) : error;
  };

  return {
    /** Checks sizes an archive declares before anything is written (a zip's central directory). */
    checkDeclared({ entryCount, expandedBytes: declared }: { entryCount: number; expandedBytes: number }) {
      if (entryCount > limits.maxEntries) throw refusals.tooManyEntries(limits);
      checkExpanded(declared);
    },

    async directory(name: string) {
      const segments = nextEntry(name);
      if (!segments || segments.length === 0) return;
      claim(name, segments, "folder");
      await fs.promises.mkdir(path.join(root, ...segments), { recursive: true }).catch(conflict(name));
    },

    async file(name: string, { mode, content }: { mode: number; content: Readable }) {
      const segments = nextEntry(name);
      if (segments === null) return void content.resume();
      if (segments.length === 0) throw refusals.badName(name, "is empty");
      claim(name, segments, "file");
      const target = path.join(root, ...segments);
      await fs.promises.mkdir(path.dirname(target), { recursive: true }).catch(conflict(name));
      const executable = (mode & 0o111) !== 0;
      let size = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          expandedBytes += chunk.length;
          try {
            checkExpanded(expandedBytes);
            done(null, chunk);
          } catch (error) {
            done(error as Error);
          }
        },
      });
      await pipeline(content, counter, fs.createWriteStream(target, { flags: "wx", mode: executable ? 0o755 : 0o644 })).catch(conflict(name));
      files.set(segments.join("/"), { size, executable });
    },

    link(name: string, target: string) {
      const segments = nextEntry(name);
      if (!segments) return;
      if (segments.length === 0) throw refusals.badName(name, "is empty");
      const at = segments.join("/");
      if (links.has(at)) throw refusals.twice(name);
      links.set(at, { target, name });
    },

    result(): ExtractedTree {
      return { root, files, links, entries, expandedBytes };
    },
  };
}

export type TreeWriter = ReturnType<typeof createTreeWriter>;
