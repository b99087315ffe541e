import { summarizeOutputs, type Cell, type JsonValue } from "@/lib/notebooks";
import type { WorkspaceContext } from "./context";
import { guard } from "./local-errors";
import { loadNotebookMerge } from "./notebook-merge-sides";
import { checkPath } from "./paths";
import type { NotebookCellVersion, NotebookConflictView } from "./types";

/**
 * The conflicts of a notebook the merge in progress left to settle cell by
 * cell, in the order resolveNotebookConflict takes its choices: each with our
 * version and theirs (a cell's type, source and outputs in words, or a
 * metadata key's JSON), so the screen needs no blob of its own.
 *
 * Throws `invalid` without a merge or for a path that is not one of its
 * notebook conflicts.
 */
export async function readNotebookConflicts({ ctx, path }: { ctx: WorkspaceContext; path: string }): Promise<NotebookConflictView[]> {
  checkPath(path);
  return guard("read the notebook's conflicts", async () => {
    const { files } = await loadNotebookMerge({ ctx, path });
    return files.merge.conflicts.map((conflict): NotebookConflictView =>
      conflict.kind === "cell"
        ? { kind: "cell", cell: conflict.index + 1, ours: versionOf(conflict.ours), theirs: versionOf(conflict.theirs) }
        : { kind: "metadata", key: conflict.key, ours: jsonOf(conflict.ours), theirs: jsonOf(conflict.theirs) },
    );
  });
}

function versionOf(cell: Cell | null): NotebookCellVersion | null {
  if (!cell) return null;
  if (cell.cell_type !== "code") return { cellType: cell.cell_type, source: cell.source };
  return { cellType: "code", source: cell.source, executionCount: cell.execution_count, outputs: summarizeOutputs(cell.outputs).words };
}

const jsonOf = (value: JsonValue | undefined) => (value === undefined ? null : JSON.stringify(value, null, 1));
