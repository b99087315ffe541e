import { groupCellDiffs, type NotebookDiff } from "@/lib/notebooks";
import { diffBox } from "../diff-view";
import { CellDiffItem } from "./cell-diff-item";
import { UnchangedCells } from "./unchanged-cells";

/** A notebook's changes cell by cell: changed cells in full, runs of unchanged cells folded. */
export function NotebookCells({ label, diff }: { label: string; diff: NotebookDiff }) {
  const entries = groupCellDiffs(diff.cells);
  return (
    <div role="group" aria-label={label} className={diffBox}>
      {diff.metadataChanged && <p className="border-b border-slate-100 bg-amber-50 px-2 py-1 text-amber-900">Notebook metadata changed</p>}
      {!diff.changed && <p className="px-2 py-1 text-slate-600">No changes to cells or metadata: only the file&apos;s layout changed.</p>}
      <ul className="divide-y divide-slate-100">
        {entries.map((entry) =>
          entry.kind === "changed" ? (
            <CellDiffItem key={`c${entry.cell.beforeIndex}:${entry.cell.afterIndex}`} cell={entry.cell} />
          ) : (
            <UnchangedCells key={`u${entry.cells[0]!.afterIndex}`} cells={entry.cells} />
          ),
        )}
      </ul>
    </div>
  );
}
