// Three-way merge of notebooks cell by cell, so that a conflict is a choice between
// two cells offered to a person, never conflict markers inside the JSON.
import { CELL_ID, hasCellIds, newCellId } from "./cell-id";
import { sameJson } from "./same-json";
import { matchCells } from "./match-cells";
import type { Cell, JsonObject, JsonValue, Notebook } from "./types";

/**
 * Both sides changed the same cell differently (or one deleted it and the other
 * changed it). The merged notebook holds our version at `index` (or nothing, where
 * ours is null: theirs would be inserted at `index`).
 */
export type CellConflict = { kind: "cell"; index: number; base: Cell | null; ours: Cell | null; theirs: Cell | null };
/** Both sides set one key of the notebook's metadata differently; the merged notebook holds ours. */
export type MetadataConflict = { kind: "metadata"; key: string; base?: JsonValue; ours?: JsonValue; theirs?: JsonValue };
export type NotebookConflict = CellConflict | MetadataConflict;
export type NotebookMerge = { notebook: Notebook; conflicts: NotebookConflict[] };

type Outcome = { cell: Cell | null; conflict?: Omit<CellConflict, "kind" | "index"> };
type Slot = { cell: Cell | null; conflict?: Omit<CellConflict, "kind" | "index"> };

/**
 * Merges `ours` and `theirs`, both changed from `base`, cell by cell: a cell only
 * one side changed takes that change; a cell both changed takes both when they
 * touched different parts (source, outputs and execution count, type, each
 * metadata key), else it is a conflict. Cells either side added are kept where
 * that side put them; the order of the side that moved cells wins (ours if both
 * did). The notebook's metadata is merged key by key.
 */
export function mergeNotebooks(base: Notebook, ours: Notebook, theirs: Notebook): NotebookMerge {
  const oursOf = new Map(matchCells(base.cells, ours.cells));
  const theirsOf = new Map(matchCells(base.cells, theirs.cells));
  const outcomes = base.cells.map((cell, b) => mergeCell(cell, pick(ours.cells, oursOf.get(b)), pick(theirs.cells, theirsOf.get(b))));
  // Ours gives the order unless only theirs moved cells.
  const oursFirst = reordered(oursOf) || !reordered(theirsOf);
  const [primary, primaryOf, secondary, secondaryOf] = oursFirst ? [ours, oursOf, theirs, theirsOf] : [theirs, theirsOf, ours, oursOf];
  const slots = arrange(primary.cells, invert(primaryOf), secondary.cells, invert(secondaryOf), outcomes);
  const conflicts: NotebookConflict[] = [];
  const cells: Cell[] = [];
  for (const slot of slots) {
    if (slot.conflict) conflicts.push({ kind: "cell", index: cells.length, ...slot.conflict });
    if (slot.cell) cells.push(slot.cell);
  }
  const { notebook, conflicts: metadataConflicts } = mergeTopLevel(base, ours, theirs);
  return { notebook: { ...notebook, cells: normalizeIds(notebook, cells) }, conflicts: [...metadataConflicts, ...conflicts] };
}

/** The notebook once each conflict is settled: `choices[i]` for `conflicts[i]` ("ours" where none is given). */
export function resolveConflicts({ notebook, conflicts }: NotebookMerge, choices: ("ours" | "theirs")[]): Notebook {
  const cells = [...notebook.cells];
  const metadata: JsonObject = { ...notebook.metadata };
  const order = conflicts.map((conflict, i) => ({ conflict, i })).reverse();
  order.sort((x, y) => (y.conflict.kind === "cell" ? y.conflict.index : -1) - (x.conflict.kind === "cell" ? x.conflict.index : -1));
  for (const { conflict, i } of order) {
    if (choices[i] !== "theirs") continue;
    if (conflict.kind === "metadata") {
      if (conflict.theirs === undefined) delete metadata[conflict.key];
      else metadata[conflict.key] = conflict.theirs;
    } else if (conflict.ours === null) {
      if (conflict.theirs) cells.splice(conflict.index, 0, conflict.theirs);
    } else if (conflict.theirs === null) cells.splice(conflict.index, 1);
    else cells[conflict.index] = conflict.theirs;
  }
  const resolved = { ...notebook, metadata };
  return { ...resolved, cells: normalizeIds(resolved, cells) };
}

const pick = (cells: Cell[], index: number | undefined) => (index === undefined ? null : cells[index]!);
const invert = (map: Map<number, number>) => new Map([...map].map(([b, side]) => [side, b]));

/** Whether a side put some of the base's cells in another order. */
function reordered(sideOf: Map<number, number>): boolean {
  const order = [...sideOf.entries()].sort((x, y) => x[0] - y[0]).map(([, side]) => side);
  return order.some((side, i) => i > 0 && side < order[i - 1]!);
}

function mergeCell(base: Cell, ours: Cell | null, theirs: Cell | null): Outcome {
  const conflict = { base, ours, theirs };
  if (!ours && !theirs) return { cell: null };
  if (!ours) return sameJson(theirs, base) ? { cell: null } : { cell: null, conflict };
  if (!theirs) return sameJson(ours, base) ? { cell: null } : { cell: ours, conflict };
  const merged = mergeFields(base, ours, theirs);
  return merged ? { cell: merged } : { cell: ours, conflict };
}

/** A cell with both sides' changes, or null when they touched the same part differently. */
function mergeFields(base: Cell, ours: Cell, theirs: Cell): Cell | null {
  if (sameJson(ours, base)) return theirs;
  if (sameJson(theirs, base) || sameJson(ours, theirs)) return ours;
  const fields = (cell: Cell) => cell as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base)])];
  const merged: Record<string, unknown> = {};
  // Outputs and execution count are one result of running the cell: taken together.
  const run = (cell: Cell) => [fields(cell).outputs, fields(cell).execution_count];
  const runTaken = pickChange(run(base), run(ours), run(theirs));
  if (!runTaken.ok) return null;
  for (const key of keys) {
    let value: unknown;
    if (key === "outputs" || key === "execution_count") value = (runTaken.value as unknown[])[key === "outputs" ? 0 : 1];
    else if (key === "metadata") {
      const metadata = mergeObjects(base.metadata, ours.metadata, theirs.metadata);
      if (metadata.conflicts.length > 0) return null;
      value = metadata.value;
    } else {
      const taken = pickChange(fields(base)[key], fields(ours)[key], fields(theirs)[key]);
      if (!taken.ok) return null;
      value = taken.value;
    }
    if (value !== undefined) merged[key] = value;
  }
  const isCode = merged.cell_type === "code";
  if (isCode !== ("outputs" in merged) || isCode !== ("execution_count" in merged) || (isCode && "attachments" in merged)) return null;
  return merged as Cell;
}

/** The three-way rule for one value: the side that changed it, or both when they agree. */
function pickChange<T>(base: T, ours: T, theirs: T): { ok: true; value: T } | { ok: false } {
  if (sameJson(ours, base)) return { ok: true, value: theirs };
  if (sameJson(theirs, base) || sameJson(ours, theirs)) return { ok: true, value: ours };
  return { ok: false };
}

function mergeObjects(base: JsonObject, ours: JsonObject, theirs: JsonObject) {
  const value: JsonObject = {};
  const conflicts: string[] = [];
  for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base)])) {
    const taken = pickChange(base[key], ours[key], theirs[key]);
    const chosen = taken.ok ? taken.value : ours[key];
    if (!taken.ok) conflicts.push(key);
    if (chosen !== undefined) value[key] = chosen;
  }
  return { value, conflicts };
}

/**
 * The merged cells in order: the primary side's cells, each base cell with its
 * outcome; then, after the cell they followed on the other side, the cells that
 * side added and the base cells the primary side deleted but the other changed.
 */
function arrange(primary: Cell[], primaryBase: Map<number, number>, secondary: Cell[], secondaryBase: Map<number, number>, outcomes: Outcome[]): Slot[] {
  const START = -1;
  const groups = new Map<number, Slot[]>();
  const groupOf = (key: number) => groups.get(key) ?? groups.set(key, []).get(key)!;
  const inPrimary = new Set(primaryBase.values());
  const primaryAdded = primary.filter((_, i) => !primaryBase.has(i));
  let anchor = START;
  for (const [i, cell] of secondary.entries()) {
    const b = secondaryBase.get(i);
    if (b !== undefined && inPrimary.has(b)) anchor = b;
    else if (b !== undefined) {
      if (outcomes[b]!.cell || outcomes[b]!.conflict) groupOf(anchor).push(outcomes[b]!);
    } else {
      // Both sides added the same cell: keep it once.
      const twin = primaryAdded.findIndex((added) => sameJson(withoutId(added), withoutId(cell)));
      if (twin >= 0) primaryAdded.splice(twin, 1);
      else groupOf(anchor).push({ cell });
    }
  }
  const slots: Slot[] = [...groupOf(START)];
  for (const [i, cell] of primary.entries()) {
    const b = primaryBase.get(i);
    if (b === undefined) slots.push({ cell });
    else {
      if (outcomes[b]!.cell || outcomes[b]!.conflict) slots.push(outcomes[b]!);
      slots.push(...groupOf(b));
    }
  }
  return slots;
}

function withoutId(cell: Cell) {
  const { id: _id, ...rest } = cell;
  return rest;
}

/** Fields other than the cells: each merged three-way; the metadata key by key. */
function mergeTopLevel(base: Notebook, ours: Notebook, theirs: Notebook) {
  const conflicts: MetadataConflict[] = [];
  const merged: Record<string, unknown> = {};
  const fields = (notebook: Notebook) => notebook as Record<string, unknown>;
  for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    if (key === "cells") continue;
    if (key === "metadata") {
      const metadata = mergeObjects(base.metadata, ours.metadata, theirs.metadata);
      for (const name of metadata.conflicts) conflicts.push({ kind: "metadata", key: name, base: base.metadata[name], ours: ours.metadata[name], theirs: theirs.metadata[name] });
      merged.metadata = metadata.value;
    } else if (key === "nbformat_minor") merged[key] = ours.nbformat_minor === base.nbformat_minor ? theirs.nbformat_minor : Math.max(ours.nbformat_minor, theirs.nbformat_minor);
    else {
      const taken = pickChange(fields(base)[key], fields(ours)[key], fields(theirs)[key]);
      const value = taken.ok ? taken.value : fields(ours)[key];
      if (value !== undefined) merged[key] = value;
    }
  }
  return { notebook: merged as Notebook, conflicts };
}

/** Ids as the merged version needs them: each cell a valid, unique one from 4.5 on, none before. */
function normalizeIds(notebook: Pick<Notebook, "nbformat_minor">, cells: Cell[]): Cell[] {
  if (!hasCellIds(notebook)) return cells.map((cell) => ("id" in cell ? (withoutId(cell) as Cell) : cell));
  const seen = new Set<string>();
  return cells.map((cell) => {
    if (typeof cell.id === "string" && CELL_ID.test(cell.id) && !seen.has(cell.id)) {
      seen.add(cell.id);
      return cell;
    }
    const id = newCellId([...seen, ...cells.map((other) => other.id)]);
    seen.add(id);
    return { ...cell, id };
  });
}
