import { beforeAll, describe, expect, it } from "vitest";
import { deleteCell, editSource, insertCell, moveCell, setOutputs } from "./edit-cells";
import { mergeNotebooks, resolveConflicts } from "./merge-notebooks";
import { serializeNotebook } from "./serialize-notebook";
import { parseOrThrow, readFixture } from "./test-support/notebook-files";
import { nbformatProblem, requirePythonTools } from "./test-support/python-tools";
import type { Notebook, Output } from "./types";

const V45 = readFixture("v4.5-unicode.ipynb");
const V44 = readFixture("v4.4.ipynb");
const base45 = () => parseOrThrow(V45).notebook;
const base44 = () => parseOrThrow(V44).notebook;
const sources = (notebook: Notebook) => notebook.cells.map((cell) => cell.source);
const ran: Output[] = [{ output_type: "stream", name: "stdout", text: "Température : 30 °C\n" }];

/** The merged notebook written over the base file: valid for nbformat, and without a conflict marker. */
function written(notebook: Notebook, original: string): string {
  const text = serializeNotebook(notebook, { original });
  expect(nbformatProblem(text)).toBeNull();
  expect(text).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
  return text;
}

beforeAll(() => requirePythonTools());

describe("mergeNotebooks", () => {
  it("takes both sides' changes to different cells, and to different parts of one cell", () => {
    const base = base45();
    const ours = editSource(base, 0, "# Weather");
    const theirs = setOutputs(editSource(base, 2, "'tea'"), 1, ran, 9);
    const { notebook, conflicts } = mergeNotebooks(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(sources(notebook)).toEqual(["# Weather", base.cells[1]!.source, "'tea'", "Fin."]);
    expect(notebook.cells[1]).toMatchObject({ execution_count: 9, outputs: ran });
    const sameCell = mergeNotebooks(base, editSource(base, 1, "temperature = 30"), setOutputs(base, 1, ran, 9));
    expect(sameCell.conflicts).toEqual([]);
    expect(sameCell.notebook.cells[1]).toMatchObject({ source: "temperature = 30", execution_count: 9, outputs: ran });
    written(notebook, V45);
  });

  it("offers a cell both sides changed as a conflict to settle, ours kept until then", () => {
    const base = base45();
    const ours = editSource(base, 1, "ours = 1");
    const theirs = editSource(base, 1, "theirs = 2");
    const merge = mergeNotebooks(base, ours, theirs);
    expect(merge.conflicts).toEqual([{ kind: "cell", index: 1, base: base.cells[1], ours: ours.cells[1], theirs: theirs.cells[1] }]);
    expect(merge.notebook.cells[1]!.source).toBe("ours = 1");
    expect(resolveConflicts(merge, ["theirs"]).cells[1]!.source).toBe("theirs = 2");
    expect(resolveConflicts(merge, []).cells[1]!.source).toBe("ours = 1");
    const bothRan = mergeNotebooks(base, setOutputs(base, 1, [], 3), setOutputs(base, 1, ran, 4));
    expect(bothRan.conflicts).toHaveLength(1);
    written(resolveConflicts(merge, ["theirs"]), V45);
  });

  it("makes deleting a cell the other side changed a conflict, and deletes it when the other left it alone", () => {
    const base = base45();
    const deleted = mergeNotebooks(base, deleteCell(base, 2), editSource(base, 0, "Intro"));
    expect(deleted.conflicts).toEqual([]);
    expect(sources(deleted.notebook)).toEqual(["Intro", base.cells[1]!.source, "Fin."]);
    const merge = mergeNotebooks(base, deleteCell(base, 2), editSource(base, 2, "'latte'"));
    expect(merge.conflicts).toEqual([{ kind: "cell", index: 2, base: base.cells[2], ours: null, theirs: expect.objectContaining({ source: "'latte'" }) }]);
    expect(merge.notebook.cells.map((cell) => cell.id)).toEqual(["intro-cell", "temp", "end"]);
    expect(resolveConflicts(merge, ["theirs"]).cells.map((cell) => cell.id)).toEqual(["intro-cell", "temp", "cafe", "end"]);
    const reverse = mergeNotebooks(base, editSource(base, 2, "'latte'"), deleteCell(base, 2));
    expect(reverse.notebook.cells.map((cell) => cell.id)).toEqual(["intro-cell", "temp", "cafe", "end"]);
    expect(resolveConflicts(reverse, ["theirs"]).cells.map((cell) => cell.id)).toEqual(["intro-cell", "temp", "end"]);
  });

  it("keeps cells each side added where that side put them, once when both added the same", () => {
    const base = base44();
    const ours = insertCell(insertCell(base, 1, "markdown", "ours after intro"), 0, "code", "import os");
    const theirs = insertCell(insertCell(base, 4, "markdown", "theirs at the end"), 2, "code", "theirs = 1");
    const { notebook, conflicts } = mergeNotebooks(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(sources(notebook)).toEqual(["import os", "Intro", "ours after intro", base.cells[1]!.source, "theirs = 1", base.cells[2]!.source, base.cells[3]!.source, "theirs at the end"]);
    const twice = mergeNotebooks(base, insertCell(base, 2, "code", "same"), insertCell(base, 2, "code", "same"));
    expect(sources(twice.notebook).filter((source) => source === "same")).toHaveLength(1);
    written(notebook, V44);
  });

  it("follows the order of the side that moved cells", () => {
    const base = base45();
    const theirs = moveCell(moveCell(base, 3, "up"), 2, "up");
    const { notebook, conflicts } = mergeNotebooks(base, editSource(base, 1, "edited"), theirs);
    expect(conflicts).toEqual([]);
    expect(notebook.cells.map((cell) => cell.id)).toEqual(["intro-cell", "end", "temp", "cafe"]);
    expect(notebook.cells[2]!.source).toBe("edited");
  });

  it("merges the notebook's metadata key by key, a key both set differently being a conflict", () => {
    const base = base45();
    const kernel = (name: string) => ({ ...base.metadata, kernelspec: { name, display_name: name, language: "python" } });
    const ours = { ...base, metadata: { ...kernel("py-ours"), authors: ["Ada"] } };
    const theirs = { ...base, metadata: { ...kernel("py-theirs"), license: "MIT" } };
    const merge = mergeNotebooks(base, ours, theirs);
    expect(merge.conflicts).toEqual([{ kind: "metadata", key: "kernelspec", base: base.metadata.kernelspec, ours: ours.metadata.kernelspec, theirs: theirs.metadata.kernelspec }]);
    expect(merge.notebook.metadata).toMatchObject({ authors: ["Ada"], license: "MIT", kernelspec: { name: "py-ours" } });
    expect(resolveConflicts(merge, ["theirs"]).metadata.kernelspec).toMatchObject({ name: "py-theirs" });
  });

  it("gives every cell a unique valid id when one side moved to nbformat 4.5", () => {
    const base = base44();
    const upgraded: Notebook = { ...base, nbformat_minor: 5, cells: base.cells.map((cell, i) => ({ ...cell, id: `c${i}` })) };
    const { notebook } = mergeNotebooks(base, upgraded, insertCell(base, 0, "markdown", "new"));
    expect(notebook.nbformat_minor).toBe(5);
    expect(notebook.cells.map((cell) => cell.id)).toEqual([expect.stringMatching(/^[0-9a-f]{8}$/), "c0", "c1", "c2", "c3"]);
    written(notebook, V44);
  });
});
