import { describe, expect, it } from "vitest";
import { describeCellDiff, groupCellDiffs } from "./describe-cell-diff";
import { diffNotebooks } from "./diff-notebooks";
import { changeCellType, clearOutputs, deleteCell, editSource, insertCell, moveCell, setOutputs } from "./edit-cells";
import { parseOrThrow, readFixture } from "./test-support/notebook-files";
import type { Notebook, Output } from "./types";

const v45 = () => parseOrThrow(readFixture("v4.5-unicode.ipynb")).notebook;
const titles = (before: Notebook, after: Notebook) => diffNotebooks(before, after).cells.map((cell) => describeCellDiff(cell).title);

const PNG: Output = { output_type: "display_data", data: { "image/png": "iVBORw0KGgo=\n", "text/plain": "<Figure>" }, metadata: {} };
const text = (line: string): Output => ({ output_type: "stream", name: "stdout", text: line });

describe("describeCellDiff", () => {
  it("names cells by their place in the new version, removed ones by their old place", () => {
    const before = v45();
    const after = insertCell(deleteCell(editSource(before, 1, "temperature = 22.0"), 2), 0, "markdown", "Preface");
    expect(titles(before, after)).toEqual(["Cell 1: added (markdown)", "Cell 2: unchanged", "Cell 3: source changed", "Old cell 3: removed (code)", "Cell 4: unchanged"]);
  });

  it("says what changed in a cell: moves, type, outputs before and after, execution counts, metadata", () => {
    const before = v45();
    expect(titles(before, moveCell(moveCell(before, 3, "up"), 2, "up"))[1]).toBe("Cell 2: moved (was cell 4)");
    expect(titles(before, changeCellType(before, 3, "raw"))[3]).toBe("Cell 4: type markdown → raw");
    const ran = setOutputs(before, 1, [PNG, text("a\n"), text("b\n")], 5);
    expect(titles(before, ran)[1]).toBe("Cell 2: outputs: 1 text → 1 image, 2 text; execution count 1 → 5");
    expect(titles(ran, setOutputs(ran, 1, [text("c\n")], 5))[1]).toBe("Cell 2: outputs: 1 image, 2 text → 1 text");
    expect(titles(before, clearOutputs(before, 1))[1]).toBe("Cell 2: outputs: 1 text → none; execution count 1 → none");
    expect(titles(before, setOutputs(before, 1, [text("other\n")], 1))[1]).toBe("Cell 2: outputs changed (1 text)");
    expect(titles(before, setOutputs(before, 1, before.cells[1]!.cell_type === "code" ? before.cells[1]!.outputs : [], 7))[1]).toBe("Cell 2: execution count 1 → 7");
    const tagged = { ...before, cells: before.cells.map((cell, i) => (i === 0 ? { ...cell, metadata: { tags: ["title"] } } : cell)) };
    expect(titles(before, tagged)[0]).toBe("Cell 1: metadata changed");
    expect(titles(before, editSource(tagged, 0, "# Title"))[0]).toBe("Cell 1: source changed; metadata changed");
  });

  it("gives an added code cell's outputs in words", () => {
    const before = v45();
    const after = setOutputs(insertCell(before, 4, "code", "plot()"), 4, [PNG], 3);
    expect(titles(before, after)[4]).toBe("Cell 5: added (code); outputs: 1 image");
  });
});

describe("groupCellDiffs", () => {
  it("gathers runs of cells that neither changed nor moved", () => {
    const before = v45();
    const entries = groupCellDiffs(diffNotebooks(before, editSource(before, 2, "'changed'")).cells);
    expect(entries.map((entry) => (entry.kind === "changed" ? describeCellDiff(entry.cell).name : `${entry.cells.length} unchanged`))).toEqual(["2 unchanged", "Cell 3", "1 unchanged"]);
    const moved = groupCellDiffs(diffNotebooks(before, moveCell(moveCell(before, 3, "up"), 2, "up")).cells);
    expect(moved.map((entry) => entry.kind)).toEqual(["unchanged", "changed", "unchanged"]);
  });
});
