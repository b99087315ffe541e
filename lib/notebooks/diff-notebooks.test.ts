import { describe, expect, it } from "vitest";
import { diffNotebooks } from "./diff-notebooks";
import { changeCellType, clearOutputs, deleteCell, editSource, insertCell, moveCell, setOutputs } from "./edit-cells";
import { parseOrThrow, readFixture } from "./test-support/notebook-files";
import type { Notebook, Output } from "./types";

const v45 = () => parseOrThrow(readFixture("v4.5-unicode.ipynb")).notebook;
const v44 = () => parseOrThrow(readFixture("v4.4.ipynb")).notebook;
const outline = (notebook: ReturnType<typeof diffNotebooks>) =>
  notebook.cells.map((cell) => `${cell.status}${cell.moved ? " moved" : ""} ${cell.beforeIndex ?? "-"}->${cell.afterIndex ?? "-"}`);

const PNG: Output = { output_type: "display_data", data: { "image/png": "iVBORw0KGgo=\n", "text/plain": "<Figure>" }, metadata: {} };
const text = (line: string): Output => ({ output_type: "stream", name: "stdout", text: line });

describe("diffNotebooks", () => {
  it("finds nothing between a notebook and itself", () => {
    const diff = diffNotebooks(v45(), v45());
    expect(diff.changed).toBe(false);
    expect(outline(diff)).toEqual(["unchanged 0->0", "unchanged 1->1", "unchanged 2->2", "unchanged 3->3"]);
  });

  it("shows added, removed and edited cells in the new order, removed ones where they stood", () => {
    const before = v45();
    const after = insertCell(deleteCell(editSource(before, 1, 'temperature = 22.0  # °C\nprint(f"Température : {temperature} °C")'), 2), 0, "markdown", "Preface");
    const diff = diffNotebooks(before, after);
    expect(outline(diff)).toEqual(["added -->0", "unchanged 0->1", "modified 1->2", "removed 2->-", "unchanged 3->3"]);
    const edited = diff.cells[2]!;
    expect(edited.source?.filter((part) => part.added || part.removed).map((part) => [part.added ? "+" : "-", part.value])).toEqual([
      ["-", "temperature = 21.5  # °C\n"],
      ["+", "temperature = 22.0  # °C\n"],
    ]);
    expect(edited).toMatchObject({ typeChanged: false, outputs: null, metadataChanged: false, metadataOnly: false });
    expect(diff.cells[3]!.before?.id).toBe("cafe");
  });

  it("marks moved cells, matched by id even when edited", () => {
    const before = v45();
    const after = editSource(moveCell(moveCell(before, 3, "up"), 2, "up"), 1, "# the end");
    const diff = diffNotebooks(before, after);
    expect(outline(diff)).toEqual(["unchanged 0->0", "modified moved 3->1", "unchanged 1->2", "unchanged 2->3"]);
  });

  it("summarizes changed outputs and execution counts", () => {
    const before = v45();
    const ran = diffNotebooks(before, setOutputs(before, 1, [PNG, text("a\n"), text("b\n")], 5)).cells[1]!;
    expect(ran.status).toBe("modified");
    expect(ran.outputs?.summary).toBe("outputs changed: 1 image, 2 text; execution count 1 → 5");
    expect(ran.outputs?.after).toMatchObject({ image: 1, text: 2, total: 3 });
    expect(ran.source).toBeNull();
    expect(diffNotebooks(before, clearOutputs(before, 1)).cells[1]!.outputs?.summary).toBe("outputs cleared (were 1 text); execution count 1 → none");
    const html: Output = { output_type: "execute_result", execution_count: 2, data: { "text/html": "<table/>", "text/plain": "t" }, metadata: {} };
    const error: Output = { output_type: "error", ename: "ZeroDivisionError", evalue: "division by zero", traceback: [] };
    const cleared = clearOutputs(before, 2);
    expect(diffNotebooks(cleared, setOutputs(cleared, 2, [html, error], 2)).cells[2]!.outputs?.summary).toBe("outputs added: 1 HTML, 1 error; execution count none → 2");
  });

  it("marks metadata-only changes, of a cell and of the notebook", () => {
    const before = v45();
    const tagged = { ...before, cells: before.cells.map((cell, i) => (i === 0 ? { ...cell, metadata: { tags: ["title"] } } : cell)) };
    const cell = diffNotebooks(before, tagged);
    expect(cell.cells[0]).toMatchObject({ status: "modified", metadataChanged: true, metadataOnly: true });
    expect(cell.metadataChanged).toBe(false);
    const notebook = diffNotebooks(before, { ...before, metadata: { ...before.metadata, authors: ["Ada"] } });
    expect(notebook).toMatchObject({ metadataChanged: true, changed: true });
    expect(notebook.cells.every((entry) => entry.status === "unchanged")).toBe(true);
  });

  it("matches cells without ids by content: moved, edited, rewritten in place, changed type", () => {
    const before = v44();
    const moved = diffNotebooks(before, moveCell(before, 0, "down"));
    expect(outline(moved)).toEqual(["unchanged 1->0", "unchanged moved 0->1", "unchanged 2->2", "unchanged 3->3"]);
    const edited = diffNotebooks(before, editSource(editSource(before, 1, "x = 41\nx + 2"), 2, "print('something else entirely')"));
    expect(outline(edited)).toEqual(["unchanged 0->0", "modified 1->1", "modified 2->2", "unchanged 3->3"]);
    const retyped = diffNotebooks(before, changeCellType(before, 3, "raw")).cells[3]!;
    expect(retyped).toMatchObject({ status: "modified", typeChanged: true, source: null });
  });
});

describe("diffNotebooks on larger notebooks", () => {
  it("compares 500 cells quickly and finds the one edit", () => {
    const base = v44();
    const cells = Array.from({ length: 500 }, (_, i) => ({ cell_type: "code" as const, metadata: {}, source: `value_${i} = ${i}\nprint(value_${i})`, execution_count: i, outputs: [text(`${i}\n`)] }));
    const before: Notebook = { ...base, cells };
    const after = editSource(deleteCell(before, 10), 250, "changed = True");
    const started = performance.now();
    const diff = diffNotebooks(before, after);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(diff.cells.filter((cell) => cell.status !== "unchanged").map((cell) => [cell.status, cell.beforeIndex])).toEqual([
      ["removed", 10],
      ["modified", 251],
    ]);
  });
});
