// Editing a notebook as Jupyter does. Each operation returns a new notebook and
// leaves the one it was given untouched; cells are addressed by their index (from
// 0). An index out of range is a programming error (RangeError).
import { hasCellIds, newCellId } from "./cell-id";
import type { Cell, CellType, CodeCell, Notebook, Output } from "./types";

function cellAt(notebook: Notebook, index: number): Cell {
  const cell = notebook.cells[index];
  if (!cell) throw new RangeError(`The notebook has no cell at index ${index} (it has ${notebook.cells.length}).`);
  return cell;
}

function replaceCell(notebook: Notebook, index: number, cell: Cell): Notebook {
  return { ...notebook, cells: notebook.cells.map((old, i) => (i === index ? cell : old)) };
}

/** A cell's new source (the text as the editor holds it, lines joined). */
export function editSource(notebook: Notebook, index: number, source: string): Notebook {
  const cell = cellAt(notebook, index);
  return cell.source === source ? notebook : replaceCell(notebook, index, { ...cell, source });
}

/** An empty cell as nbformat's new_*_cell makes it, with a fresh id from nbformat 4.5 on. */
export function newCell(notebook: Notebook, type: CellType, source = ""): Cell {
  const id = hasCellIds(notebook) ? { id: newCellId(notebook.cells.map((cell) => cell.id)) } : {};
  if (type === "code") return { ...id, cell_type: "code", metadata: {}, execution_count: null, source, outputs: [] };
  return { ...id, cell_type: type, metadata: {}, source };
}

/**
 * A new empty cell that becomes cell `index`: `index` is i to insert above cell
 * i, i + 1 below it (0 into an empty notebook).
 */
export function insertCell(notebook: Notebook, index: number, type: CellType, source = ""): Notebook {
  if (!Number.isInteger(index) || index < 0 || index > notebook.cells.length) {
    throw new RangeError(`A cell cannot be inserted at index ${index} (the notebook has ${notebook.cells.length}).`);
  }
  const cells = [...notebook.cells];
  cells.splice(index, 0, newCell(notebook, type, source));
  return { ...notebook, cells };
}

export function deleteCell(notebook: Notebook, index: number): Notebook {
  cellAt(notebook, index);
  return { ...notebook, cells: notebook.cells.filter((_, i) => i !== index) };
}

/** Swaps a cell with the one above or below; the first cell up or the last down changes nothing. */
export function moveCell(notebook: Notebook, index: number, direction: "up" | "down"): Notebook {
  const cell = cellAt(notebook, index);
  const target = direction === "up" ? index - 1 : index + 1;
  const other = notebook.cells[target];
  if (!other) return notebook;
  const cells = [...notebook.cells];
  cells[target] = cell;
  cells[index] = other;
  return { ...notebook, cells };
}

/**
 * Code, Markdown or raw, keeping the cell's id, source and metadata. Leaving code
 * drops the outputs and the execution count; entering code adds them, empty, and
 * drops attachments (nbformat allows them only in Markdown and raw cells).
 */
export function changeCellType(notebook: Notebook, index: number, type: CellType): Notebook {
  const cell = cellAt(notebook, index);
  if (cell.cell_type === type) return notebook;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(cell)) {
    if (key === "outputs" || key === "execution_count" || (type === "code" && key === "attachments")) continue;
    changed[key] = key === "cell_type" ? type : value;
  }
  if (type === "code") Object.assign(changed, { execution_count: null, outputs: [] });
  return replaceCell(notebook, index, changed as Cell);
}

function codeCellAt(notebook: Notebook, index: number): CodeCell | null {
  const cell = cellAt(notebook, index);
  return cell.cell_type === "code" ? cell : null;
}

const hasRun = (cell: Cell): cell is CodeCell => cell.cell_type === "code" && (cell.outputs.length > 0 || cell.execution_count !== null);
const cleared = (cell: CodeCell): CodeCell => ({ ...cell, outputs: [], execution_count: null });

/** A code cell's outputs and execution count cleared, as Jupyter's "Clear Cell Output" does; other cells are left as they are. */
export function clearOutputs(notebook: Notebook, index: number): Notebook {
  const cell = cellAt(notebook, index);
  return hasRun(cell) ? replaceCell(notebook, index, cleared(cell)) : notebook;
}

/** Every code cell's outputs and execution count cleared ("Clear All Outputs"). */
export function clearAllOutputs(notebook: Notebook): Notebook {
  if (!notebook.cells.some(hasRun)) return notebook;
  return { ...notebook, cells: notebook.cells.map((cell) => (hasRun(cell) ? cleared(cell) : cell)) };
}

/** The result of running a code cell: its outputs (in nbformat's shapes) and execution count. */
export function setOutputs(notebook: Notebook, index: number, outputs: Output[], executionCount: number | null): Notebook {
  const cell = codeCellAt(notebook, index);
  if (!cell) throw new TypeError(`Cell ${index + 1} is not a code cell: it has no outputs.`);
  return replaceCell(notebook, index, { ...cell, outputs, execution_count: executionCount });
}
