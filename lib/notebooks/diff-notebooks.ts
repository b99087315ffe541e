import { diffLines, type ChangeObject } from "diff";
import { matchCells } from "./match-cells";
import { sameJson } from "./same-json";
import { summarizeOutputs, type OutputCounts } from "./summarize-outputs";
import type { Cell, Notebook, Output } from "./types";

export type OutputsChange = {
  /** The outputs themselves changed (not only the execution count). */
  outputsChanged: boolean;
  before: OutputCounts;
  after: OutputCounts;
  executionCount: { before: number | null; after: number | null } | null;
  /** For a person: "outputs changed: 1 image, 2 text", "outputs cleared (were 1 text)", "execution count 3 → 4". */
  summary: string;
};

/**
 * One cell in a notebook's cell-by-cell diff. `status` says whether it was added,
 * removed, left alone or modified; `moved` that it stands elsewhere among the
 * cells both versions share. A modified cell says what changed: its type, its
 * source (a line diff), its outputs (summarized), its metadata (including its id
 * and attachments); `metadataOnly` marks a cell whose metadata alone changed.
 */
export type CellDiff = {
  status: "added" | "removed" | "unchanged" | "modified";
  moved: boolean;
  beforeIndex: number | null;
  afterIndex: number | null;
  before: Cell | null;
  after: Cell | null;
  typeChanged: boolean;
  /** The source's line diff (the `diff` package's changes), or null when the source did not change. */
  source: ChangeObject<string>[] | null;
  outputs: OutputsChange | null;
  metadataChanged: boolean;
  metadataOnly: boolean;
};

export type NotebookDiff = {
  /** In the order of the new version, removed cells where they stood. */
  cells: CellDiff[];
  /** The notebook's own metadata (or another top-level field, such as nbformat_minor) changed. */
  metadataChanged: boolean;
  changed: boolean;
};

/** Two versions of a notebook compared cell by cell, for Changes and History. */
export function diffNotebooks(before: Notebook, after: Notebook): NotebookDiff {
  const pairs = matchCells(before.cells, after.cells);
  const moved = movedPairs(pairs);
  const partnerOf = new Map(pairs.map(([b, a]) => [a, b]));
  const paired = new Set(pairs.map(([b]) => b));
  const cells: CellDiff[] = [];
  let nextBefore = 0;
  // Removed cells go where they stood: before the first cell that kept its place after them.
  const flushRemoved = (upTo: number) => {
    for (; nextBefore < upTo; nextBefore++) if (!paired.has(nextBefore)) cells.push(removedCell(before.cells[nextBefore]!, nextBefore));
  };
  after.cells.forEach((cell, a) => {
    const b = partnerOf.get(a);
    if (b === undefined) return cells.push(addedCell(cell, a));
    const isMoved = moved.has(b);
    if (!isMoved) flushRemoved(b + 1);
    cells.push(compareCells(before.cells[b]!, cell, b, a, isMoved));
  });
  flushRemoved(before.cells.length);
  const { cells: _b, ...beforeRest } = before;
  const { cells: _a, ...afterRest } = after;
  const metadataChanged = !sameJson(beforeRest, afterRest);
  return { cells, metadataChanged, changed: metadataChanged || cells.some((cell) => cell.status !== "unchanged" || cell.moved) };
}

/** Pairs out of order: all but the longest run of pairs that kept their order. */
function movedPairs(pairs: [number, number][]): Set<number> {
  // Longest increasing subsequence of the after indices (pairs are sorted by before index).
  const tails: number[] = [];
  const previous: number[] = [];
  pairs.forEach(([, a], i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (pairs[tails[middle]!]![1] < a) low = middle + 1;
      else high = middle;
    }
    previous[i] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(i);
  return new Set(pairs.filter((_, i) => !kept.has(i)).map(([b]) => b));
}

const empty = { typeChanged: false, source: null, outputs: null, metadataChanged: false, metadataOnly: false };

function addedCell(cell: Cell, afterIndex: number): CellDiff {
  return { ...empty, status: "added", moved: false, beforeIndex: null, afterIndex, before: null, after: cell };
}

function removedCell(cell: Cell, beforeIndex: number): CellDiff {
  return { ...empty, status: "removed", moved: false, beforeIndex, afterIndex: null, before: cell, after: null };
}

function compareCells(before: Cell, after: Cell, beforeIndex: number, afterIndex: number, moved: boolean): CellDiff {
  const typeChanged = before.cell_type !== after.cell_type;
  const source = before.source === after.source ? null : diffLines(before.source, after.source);
  const outputs = compareOutputs(before, after);
  const metadataChanged = !sameJson(otherFields(before), otherFields(after));
  const modified = typeChanged || source !== null || outputs !== null || metadataChanged;
  return {
    status: modified ? "modified" : "unchanged",
    moved,
    beforeIndex,
    afterIndex,
    before,
    after,
    typeChanged,
    source,
    outputs,
    metadataChanged,
    metadataOnly: metadataChanged && !typeChanged && source === null && outputs === null,
  };
}

/** Everything but the type, source, outputs and execution count: metadata, id, attachments, unknown fields. */
function otherFields(cell: Cell) {
  const { cell_type: _t, source: _s, outputs: _o, execution_count: _e, ...rest } = cell as Cell & { outputs?: unknown; execution_count?: unknown };
  return rest;
}

function compareOutputs(before: Cell, after: Cell): OutputsChange | null {
  const outputsOf = (cell: Cell): Output[] => (cell.cell_type === "code" ? cell.outputs : []);
  const countOf = (cell: Cell) => (cell.cell_type === "code" ? cell.execution_count : null);
  const outputsChanged = !sameJson(outputsOf(before), outputsOf(after));
  const countChanged = countOf(before) !== countOf(after);
  if (!outputsChanged && !countChanged) return null;
  const counts = { before: summarizeOutputs(outputsOf(before)), after: summarizeOutputs(outputsOf(after)) };
  const executionCount = countChanged ? { before: countOf(before), after: countOf(after) } : null;
  const parts: string[] = [];
  if (outputsChanged) {
    if (counts.after.total === 0) parts.push(`outputs cleared (were ${counts.before.words})`);
    else if (counts.before.total === 0) parts.push(`outputs added: ${counts.after.words}`);
    else parts.push(`outputs changed: ${counts.after.words}`);
  }
  if (executionCount) parts.push(`execution count ${executionCount.before ?? "none"} → ${executionCount.after ?? "none"}`);
  return { outputsChanged, ...counts, executionCount, summary: parts.join("; ") };
}
