import { describe, expect, it } from "vitest";
import { CELL_ID } from "./cell-id";
import { changeCellType, clearAllOutputs, clearOutputs, deleteCell, editSource, insertCell, moveCell, setOutputs } from "./edit-cells";
import { parseOrThrow, readFixture } from "./test-support/notebook-files";
import type { Notebook } from "./types";

const v45 = () => parseOrThrow(readFixture("v4.5-unicode.ipynb")).notebook;
const v44 = () => parseOrThrow(readFixture("v4.4.ipynb")).notebook;
const sources = (notebook: Notebook) => notebook.cells.map((cell) => cell.source);

describe("editing cells", () => {
  it("returns new notebooks and leaves the one it was given as it was", () => {
    const notebook = v45();
    const copy = structuredClone(notebook);
    const edited = clearAllOutputs(moveCell(deleteCell(insertCell(editSource(notebook, 0, "new"), 1, "code"), 2), 0, "down"));
    expect(notebook).toEqual(copy);
    expect(edited).not.toBe(notebook);
    expect(editSource(notebook, 0, notebook.cells[0]!.source)).toBe(notebook);
  });

  it("inserts above and below with a fresh, valid, unique id from nbformat 4.5 on, and none before", () => {
    const notebook = v45();
    const above = insertCell(notebook, 1, "markdown", "above temp");
    const below = insertCell(notebook, 2, "code");
    expect(sources(above)[1]).toBe("above temp");
    expect(above.cells[2]!.id).toBe("temp");
    expect(below.cells[2]).toEqual({ id: expect.stringMatching(CELL_ID), cell_type: "code", metadata: {}, execution_count: null, source: "", outputs: [] });
    const many = Array.from({ length: 200 }).reduce<Notebook>((nb) => insertCell(nb, 0, "raw"), notebook);
    expect(new Set(many.cells.map((cell) => cell.id)).size).toBe(204);
    expect(insertCell(v44(), 0, "markdown", "x").cells[0]).toEqual({ cell_type: "markdown", metadata: {}, source: "x" });
    expect(insertCell({ ...notebook, cells: [] }, 0, "code").cells).toHaveLength(1);
    expect(() => insertCell(notebook, 5, "code")).toThrow(RangeError);
  });

  it("deletes and moves, the ends staying put", () => {
    const notebook = v45();
    expect(sources(deleteCell(notebook, 3))).toEqual(sources(notebook).slice(0, 3));
    expect(moveCell(notebook, 1, "up").cells.map((cell) => cell.id)).toEqual(["temp", "intro-cell", "cafe", "end"]);
    expect(moveCell(notebook, 1, "down").cells.map((cell) => cell.id)).toEqual(["intro-cell", "cafe", "temp", "end"]);
    expect(moveCell(notebook, 0, "up")).toBe(notebook);
    expect(moveCell(notebook, 3, "down")).toBe(notebook);
    expect(() => deleteCell(notebook, 4)).toThrow(RangeError);
  });

  it("changes type: outputs and execution count go when leaving code, come empty when entering it; attachments never enter code", () => {
    const notebook = v45();
    const markdown = changeCellType(notebook, 1, "markdown");
    expect(markdown.cells[1]).toEqual({ id: "temp", cell_type: "markdown", metadata: {}, source: notebook.cells[1]!.source });
    const withAttachment = { ...notebook, cells: [{ ...notebook.cells[0]!, attachments: { "a.png": { "image/png": "AAAA" } } }] } as Notebook;
    expect(changeCellType(withAttachment, 0, "code").cells[0]).toEqual({ id: "intro-cell", cell_type: "code", metadata: {}, source: notebook.cells[0]!.source, execution_count: null, outputs: [] });
    expect(changeCellType(withAttachment, 0, "raw").cells[0]).toMatchObject({ cell_type: "raw", attachments: { "a.png": { "image/png": "AAAA" } } });
    expect(changeCellType(notebook, 1, "code")).toBe(notebook);
  });

  it("clears one cell's outputs or all of them, and sets a run's outputs", () => {
    const notebook = v45();
    expect(clearOutputs(notebook, 1).cells[1]).toMatchObject({ outputs: [], execution_count: null });
    expect(clearOutputs(notebook, 1).cells[2]).toBe(notebook.cells[2]);
    expect(clearOutputs(notebook, 0)).toBe(notebook);
    expect(clearAllOutputs(notebook).cells.filter((cell) => cell.cell_type === "code")).toEqual([
      expect.objectContaining({ outputs: [], execution_count: null }),
      expect.objectContaining({ outputs: [], execution_count: null }),
    ]);
    const ran = setOutputs(notebook, 2, [{ output_type: "stream", name: "stdout", text: "hi\n" }], 3);
    expect(ran.cells[2]).toMatchObject({ id: "cafe", execution_count: 3, outputs: [{ text: "hi\n" }] });
    expect(() => setOutputs(notebook, 0, [], 1)).toThrow("Cell 1 is not a code cell");
  });
});
