// Jupyter notebooks (.ipynb, nbformat 4.0 to 4.5): reading, editing, writing back
// without disturbing a line that did not change, comparing and merging cell by
// cell. Pure TypeScript without Node modules: it runs in the session's browser code
// and in Node alike.
//
//   const read = parseNotebook(text);                 // { ok: true, notebook, format } | { ok: false, reason }
//   if (!read.ok) return openAsText(text, read.reason);   // never written back as a notebook
//   let notebook = editSource(read.notebook, 2, "print(1)\n");
//   notebook = setOutputs(notebook, 2, outputs, 5);
//   const file = serializeNotebook(notebook, { original: read });   // only cell 3's lines change
//
// The model (types.ts) is nbformat's in-memory form: multi-line texts (sources,
// stream text, textual MIME data) are single strings, every unknown field is kept.
// Cells are addressed by index, from 0. Operations return a new notebook and never
// change the one they are given.

export type * from "./types";
export { JUPYTER_LAYOUT } from "./types";

/** parseNotebook(text): ParsedNotebook | NotANotebook */
export { parseNotebook, type ParsedNotebook, type NotANotebook } from "./parse-notebook";
/** serializeNotebook(notebook, { original?: string | ParsedNotebook }): string */
export { serializeNotebook } from "./serialize-notebook";

/**
 * editSource(nb, index, source), insertCell(nb, index, type, source?) (index i: above cell i; i + 1: below it),
 * deleteCell(nb, index), moveCell(nb, index, "up" | "down"), changeCellType(nb, index, type),
 * clearOutputs(nb, index), clearAllOutputs(nb), setOutputs(nb, index, outputs, executionCount),
 * newCell(nb, type, source?): each a new Notebook (newCell: a Cell).
 */
export { editSource, insertCell, deleteCell, moveCell, changeCellType, clearOutputs, clearAllOutputs, setOutputs, newCell } from "./edit-cells";
/** newCellId(taken): an nbformat cell id (8 hex digits) not in `taken`; hasCellIds(nb): nbformat 4.5 or later. */
export { newCellId, hasCellIds, CELL_ID } from "./cell-id";

/** diffNotebooks(before, after): NotebookDiff, for Changes and History. */
export { diffNotebooks, type NotebookDiff, type CellDiff, type OutputsChange } from "./diff-notebooks";
/** diffNotebookTexts(before, after): a diff of two files' texts (null = absent), or why one is not a notebook. */
export { diffNotebookTexts, type NotebookTextsDiff } from "./diff-notebook-texts";
/** describeCellDiff(cell): "Cell 3: source changed" and its parts; groupCellDiffs(cells): unchanged runs gathered. */
export { describeCellDiff, groupCellDiffs, type CellDiffEntry } from "./describe-cell-diff";
/** isNotebookPath(path): the path ends in .ipynb. */
export { isNotebookPath } from "./notebook-path";
/** summarizeOutputs(outputs): OutputCounts ("1 image, 2 text"); categorizeOutput(output). */
export { summarizeOutputs, categorizeOutput, type OutputCounts } from "./summarize-outputs";
/** mergeNotebooks(base, ours, theirs): NotebookMerge; resolveConflicts(merge, ["ours" | "theirs", ...]): Notebook. */
export { mergeNotebooks, resolveConflicts, type NotebookMerge, type NotebookConflict, type CellConflict, type MetadataConflict } from "./merge-notebooks";
