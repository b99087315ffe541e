import { diffNotebooks, type NotebookDiff } from "./diff-notebooks";
import { parseNotebook } from "./parse-notebook";
import type { Notebook } from "./types";

export type NotebookTextsDiff = { ok: true; diff: NotebookDiff } | { ok: false; reason: string };

/**
 * Two versions of a notebook file (null where the file is absent: added or
 * deleted) compared cell by cell. When a version is not a notebook (a merge's
 * conflict markers, a broken file), says which and why, for a note beside the
 * file's line diff.
 */
export function diffNotebookTexts(before: string | null, after: string | null): NotebookTextsDiff {
  const read = (text: string | null, version: string): { notebook: Notebook | null } | { reason: string } => {
    if (text === null) return { notebook: null };
    const parsed = parseNotebook(text);
    return parsed.ok ? { notebook: parsed.notebook } : { reason: `The ${version} version is not a notebook: ${parsed.reason}.` };
  };
  const [old, now] = [read(before, "old"), read(after, "new")];
  if ("reason" in old) return { ok: false, reason: old.reason };
  if ("reason" in now) return { ok: false, reason: now.reason };
  // An absent version is the other without cells: an added notebook is all added cells, nothing else.
  const withoutCells = (notebook: Notebook | null): Notebook | null => notebook && { ...notebook, cells: [] };
  const first = old.notebook ?? withoutCells(now.notebook);
  const second = now.notebook ?? withoutCells(old.notebook);
  if (!first || !second) return { ok: false, reason: "Neither version of the file is there." };
  return { ok: true, diff: diffNotebooks(first, second) };
}
