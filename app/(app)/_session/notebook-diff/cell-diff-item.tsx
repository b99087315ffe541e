import { useId } from "react";
import { describeCellDiff, type CellDiff } from "@/lib/notebooks";
import { diffTexts } from "@/lib/workspace/unified-diff";
import { DiffHunks } from "../diff-hunks";

/** One changed cell: what changed in words ("Cell 3: source changed"), and its source's line diff. */
export function CellDiffItem({ cell }: { cell: CellDiff }) {
  const id = useId();
  const { name, changes } = describeCellDiff(cell);
  const hunks = sourceHunks(cell);
  return (
    <li aria-labelledby={id} className="py-1">
      <p id={id} className="px-2 text-slate-800">
        <span className="font-medium">{name}</span>: {changes.join("; ")}
      </p>
      {hunks.length > 0 && <DiffHunks hunks={hunks} />}
    </li>
  );
}

/** The source's lines: all added for a new cell, all removed for a removed one, the line diff for an edited one. */
function sourceHunks(cell: CellDiff) {
  if (cell.status === "added") return diffTexts("", cell.after!.source);
  if (cell.status === "removed") return diffTexts(cell.before!.source, "");
  return cell.source ? diffTexts(cell.before!.source, cell.after!.source) : [];
}
