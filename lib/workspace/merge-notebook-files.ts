// A notebook both sides of a pull changed is merged cell by cell (lib/notebooks),
// never line by line: a line merge would leave conflict markers inside the JSON,
// and then the file opens in no notebook view and nbformat refuses it.
import { mergeNotebooks, parseNotebook, resolveConflicts, serializeNotebook, type NotebookMerge, type ParsedNotebook } from "@/lib/notebooks";

/** The cell-by-cell merge of one notebook file, with our version's text whose layout the result keeps. */
export type NotebookFileMerge = { merge: NotebookMerge; ours: ParsedNotebook };

/**
 * Merges three versions of a notebook file, or null when one of them is not a
 * notebook (then the file is merged as text, as any other).
 */
export function mergeNotebookFiles({ base, ours, theirs }: { base: string; ours: string; theirs: string }): NotebookFileMerge | null {
  const [b, o, t] = [parseNotebook(base), parseNotebook(ours), parseNotebook(theirs)];
  if (!b.ok || !o.ok || !t.ok) return null;
  return { merge: mergeNotebooks(b.notebook, o.notebook, t.notebook), ours: o };
}

/**
 * The merged notebook's file text, laid out as ours was (so only the cells that
 * changed differ from our version in `git diff`): each conflict settled by
 * `choices` (ours where none is given). Throws an Error when the merged
 * notebook cannot be written (a cell both sides turned into something
 * nbformat refuses).
 */
export function writeMergedNotebook({ merge, ours }: NotebookFileMerge, choices: ("ours" | "theirs")[] = []): string {
  return serializeNotebook(resolveConflicts(merge, choices), { original: ours });
}

/**
 * A pull's merge of a notebook file: the merged text, conflicting cells holding
 * ours (a valid notebook either way), and whether nothing conflicted; or null
 * to merge it as text (a version is not a notebook, or the merge could not be
 * written).
 */
export function mergeNotebookText(texts: { base: string; ours: string; theirs: string }): { clean: boolean; text: string } | null {
  const files = mergeNotebookFiles(texts);
  if (!files) return null;
  try {
    return { clean: files.merge.conflicts.length === 0, text: writeMergedNotebook(files) };
  } catch {
    return null;
  }
}
