import { structuredPatch } from "diff";
import { isNotebookPath } from "../notebooks";
import { decodeText, isBinary } from "./text";
import { editorLimitFor, type ChangeKind, type DiffHunk, type DiffLine, type FileDiff } from "./types";

const CONTEXT_LINES = 3;

/**
 * The unified diff of two versions of a file (null = absent), with 3 lines of
 * context. Binary files, and files too large for the editor (whose diff could
 * take seconds; notebooks' limit is higher, as outputs make them large and
 * their changes are few), give `binary: true` and no hunks. A notebook's diff also
 * carries both texts, which the session compares cell by cell.
 */
export function diffContents({ path, kind, before, after }: { path: string; kind: ChangeKind; before: Uint8Array | null; after: Uint8Array | null }): FileDiff {
  const sides = [before, after].filter((b): b is Uint8Array => b !== null);
  if (sides.some((b) => b.length > editorLimitFor(path) || isBinary(b))) return { path, kind, binary: true, hunks: [] };
  const oldText = before ? decodeText(before) : null;
  const newText = after ? decodeText(after) : null;
  const diff: FileDiff = { path, kind, binary: false, hunks: diffTexts(oldText ?? "", newText ?? "") };
  return isNotebookPath(path) ? { ...diff, texts: { before: oldText, after: newText } } : diff;
}

/** The hunks (3 lines of context, git's line numbers) between two texts; none when they are equal. */
export function diffTexts(oldText: string, newText: string): DiffHunk[] {
  if (oldText === newText) return [];
  return structuredPatch("", "", oldText, newText, undefined, undefined, { context: CONTEXT_LINES }).hunks.map(toHunk);
}

function toHunk(hunk: { oldStart: number; oldLines: number; newStart: number; newLines: number; lines: string[] }): DiffHunk {
  let oldLine = hunk.oldStart;
  let newLine = hunk.newStart;
  const lines: DiffLine[] = [];
  for (const line of hunk.lines) {
    const text = line.slice(1);
    if (line.startsWith("+")) lines.push({ kind: "add", text, newLine: newLine++ });
    else if (line.startsWith("-")) lines.push({ kind: "remove", text, oldLine: oldLine++ });
    else if (line.startsWith(" ")) lines.push({ kind: "context", text, oldLine: oldLine++, newLine: newLine++ });
    // "\ No newline at end of file" markers are left out.
  }
  // An empty side starts "before line 1" in git's notation (@@ -0,0 +1,3 @@).
  const start = (at: number, count: number) => (count === 0 ? Math.max(0, at - 1) : at);
  return {
    oldStart: start(hunk.oldStart, hunk.oldLines),
    oldLines: hunk.oldLines,
    newStart: start(hunk.newStart, hunk.newLines),
    newLines: hunk.newLines,
    lines,
  };
}
