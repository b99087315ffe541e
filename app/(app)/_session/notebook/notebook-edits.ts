import {
  changeCellType,
  clearAllOutputs,
  clearOutputs,
  deleteCell,
  editSource,
  insertCell,
  moveCell,
  setOutputs,
  type CellType,
  type Notebook,
  type Output,
} from "@/lib/notebooks";

/**
 * The notebook being edited, with a key per cell that stays with the cell while
 * cells are added, deleted and moved (nbformat ids exist only from 4.5 on, so
 * the view cannot use them). Outputs of a running cell find their cell by key
 * even when cells above it moved meanwhile.
 */
export type NotebookDocument = { notebook: Notebook; keys: string[] };

let counter = 0;
const nextKey = () => `c${(counter += 1)}`;

export function openDocument(notebook: Notebook): NotebookDocument {
  return { notebook, keys: notebook.cells.map(nextKey) };
}

/** Every change the notebook view makes, as data: one function applies them all. */
export type NotebookEdit =
  | { kind: "source"; key: string; source: string }
  | { kind: "insert"; index: number; type: CellType; key?: string }
  | { kind: "delete"; key: string }
  | { kind: "move"; key: string; direction: "up" | "down" }
  | { kind: "type"; key: string; type: CellType }
  | { kind: "clear"; key: string }
  | { kind: "clear-all" }
  | { kind: "outputs"; key: string; outputs: Output[]; executionCount: number | null };

/** A new key for an `insert` edit, so that the caller can select the new cell. */
export const newCellKey = nextKey;

/** The document after `edit`; the same object when the edit changed nothing (or its cell is gone). */
export function applyEdit(document: NotebookDocument, edit: NotebookEdit): NotebookDocument {
  const { notebook, keys } = document;
  if (edit.kind === "clear-all") return withNotebook(document, clearAllOutputs(notebook));
  if (edit.kind === "insert") {
    const index = Math.max(0, Math.min(edit.index, keys.length));
    const next = [...keys];
    next.splice(index, 0, edit.key ?? nextKey());
    return { notebook: insertCell(notebook, index, edit.type), keys: next };
  }
  const index = keys.indexOf(edit.key);
  if (index < 0) return document;
  switch (edit.kind) {
    case "source":
      return withNotebook(document, editSource(notebook, index, edit.source));
    case "delete":
      return { notebook: deleteCell(notebook, index), keys: keys.filter((key) => key !== edit.key) };
    case "move": {
      const target = edit.direction === "up" ? index - 1 : index + 1;
      if (target < 0 || target >= keys.length) return document;
      const next = [...keys];
      [next[index], next[target]] = [next[target]!, next[index]!];
      return { notebook: moveCell(notebook, index, edit.direction), keys: next };
    }
    case "type":
      return withNotebook(document, changeCellType(notebook, index, edit.type));
    case "clear":
      return withNotebook(document, clearOutputs(notebook, index));
    case "outputs":
      if (notebook.cells[index]?.cell_type !== "code") return document;
      return withNotebook(document, setOutputs(notebook, index, edit.outputs, edit.executionCount));
  }
}

function withNotebook(document: NotebookDocument, notebook: Notebook): NotebookDocument {
  return notebook === document.notebook ? document : { ...document, notebook };
}
