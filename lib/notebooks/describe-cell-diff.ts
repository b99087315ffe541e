import type { CellDiff } from "./diff-notebooks";
import { summarizeOutputs } from "./summarize-outputs";
import type { Cell } from "./types";

/** A notebook diff's cells in order, with each run of cells that neither changed nor moved gathered into one entry. */
export type CellDiffEntry = { kind: "changed"; cell: CellDiff } | { kind: "unchanged"; cells: CellDiff[] };

export function groupCellDiffs(cells: CellDiff[]): CellDiffEntry[] {
  const entries: CellDiffEntry[] = [];
  for (const cell of cells) {
    const last = entries.at(-1);
    if (cell.status !== "unchanged" || cell.moved) entries.push({ kind: "changed", cell });
    else if (last?.kind === "unchanged") last.cells.push(cell);
    else entries.push({ kind: "unchanged", cells: [cell] });
  }
  return entries;
}

/**
 * A cell of a notebook's diff in words: which cell ("Cell 3", by its place in the
 * new version; "Old cell 2" for a removed one) and what changed ("source
 * changed", "outputs: 1 image, 2 text → 1 text", "execution count 1 → 2",
 * "metadata changed"...). `title` joins them: "Cell 3: source changed".
 */
export function describeCellDiff(cell: CellDiff): { name: string; changes: string[]; title: string } {
  const name = cell.afterIndex === null ? `Old cell ${(cell.beforeIndex ?? 0) + 1}` : `Cell ${cell.afterIndex + 1}`;
  const changes = changesOf(cell);
  return { name, changes, title: `${name}: ${changes.join("; ")}` };
}

function changesOf(cell: CellDiff): string[] {
  if (cell.status === "added") return [`added (${cell.after!.cell_type})`, ...outputsOf(cell.after!)];
  if (cell.status === "removed") return [`removed (${cell.before!.cell_type})`];
  const changes: string[] = [];
  if (cell.moved) changes.push(`moved (was cell ${(cell.beforeIndex ?? 0) + 1})`);
  if (cell.typeChanged) changes.push(`type ${cell.before!.cell_type} → ${cell.after!.cell_type}`);
  if (cell.source) changes.push("source changed");
  if (cell.outputs?.outputsChanged) {
    const { before, after } = cell.outputs;
    changes.push(before.words === after.words ? `outputs changed (${after.words})` : `outputs: ${before.words} → ${after.words}`);
  }
  if (cell.outputs?.executionCount) {
    const { before, after } = cell.outputs.executionCount;
    changes.push(`execution count ${before ?? "none"} → ${after ?? "none"}`);
  }
  if (cell.metadataChanged) changes.push("metadata changed");
  return changes.length > 0 ? changes : ["unchanged"];
}

function outputsOf(cell: Cell): string[] {
  return cell.cell_type === "code" && cell.outputs.length > 0 ? [`outputs: ${summarizeOutputs(cell.outputs).words}`] : [];
}
