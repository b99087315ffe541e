// Round trips on real notebooks: executed by Debian's jupyter-nbconvert in the setup,
// and committed fixtures (nbformat 4.0, 4.4, 4.5 with ids and non-ASCII text, two
// layouts Jupyter does not write). Every notebook written is validated by nbformat,
// diffs are taken by the real git.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffNotebooks } from "./diff-notebooks";
import { changeCellType, clearAllOutputs, clearOutputs, deleteCell, editSource, insertCell, moveCell, setOutputs } from "./edit-cells";
import { serializeNotebook } from "./serialize-notebook";
import { cellNode, lineSpan, parseOrThrow, readFixture } from "./test-support/notebook-files";
import { gitDiffLines, jupyterWrites, nbformatProblem } from "./test-support/python-tools";
import { buildReferenceNotebooks } from "./test-support/reference-notebooks";
import type { Notebook, Output } from "./types";

let dir: string;
const notebooks: Record<string, string> = {};
const JUPYTER_WRITTEN = ["outputs.ipynb", "analysis-4.4.ipynb", "v4.0.ipynb", "v4.4.ipynb", "v4.5-unicode.ipynb"];
const OTHER_LAYOUTS = ["colab-layout.ipynb", "strings-crlf-layout.ipynb"];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-notebooks-"));
  Object.assign(notebooks, buildReferenceNotebooks(dir));
  for (const name of [...JUPYTER_WRITTEN, ...OTHER_LAYOUTS]) notebooks[name] ??= readFixture(name);
}, 180_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a notebook changed from `text`, checks nbformat finds it valid, and returns it. */
function write(notebook: Notebook, text: string): string {
  const written = serializeNotebook(notebook, { original: text });
  expect(nbformatProblem(written)).toBeNull();
  return written;
}

/** Real git's changed lines between two versions of a notebook. */
function changedLines(before: string, after: string) {
  const [a, b] = [path.join(dir, "before.ipynb"), path.join(dir, "after.ipynb")];
  fs.writeFileSync(a, before);
  fs.writeFileSync(b, after);
  return gitDiffLines(a, b);
}

const inside = (lines: number[], spans: { first: number; last: number }[]) => lines.every((line) => spans.some((span) => line >= span.first && line <= span.last));
const codeCellIndex = (notebook: Notebook, nth = 0) => notebook.cells.map((cell, index) => (cell.cell_type === "code" ? index : -1)).filter((index) => index >= 0)[nth]!;

const RUN_OUTPUTS: Output[] = [
  { output_type: "stream", name: "stdout", text: "ran again ✓\nsecond line\n" },
  { output_type: "execute_result", execution_count: 42, data: { "text/plain": "42", "text/html": "<b>42</b>\n<i>!</i>" }, metadata: {} },
];

describe.each([...JUPYTER_WRITTEN, ...OTHER_LAYOUTS])("%s", (name) => {
  it("is valid for nbformat as read, and written back unchanged byte for byte", () => {
    const text = notebooks[name]!;
    expect(nbformatProblem(text)).toBeNull();
    const parsed = parseOrThrow(text);
    expect(serializeNotebook(parsed.notebook, { original: text })).toBe(text);
    expect(serializeNotebook(structuredClone(parsed.notebook), { original: parsed })).toBe(text);
  });

  it("changes only the edited cell's source lines when one cell is edited", () => {
    const text = notebooks[name]!;
    const { notebook } = parseOrThrow(text);
    const index = codeCellIndex(notebook);
    const written = write(editSource(notebook, index, "# edited in Benchtop — é\nanswer = 6 * 7\nanswer\n"), text);
    const { removed, added } = changedLines(text, written);
    expect(added.length).toBeGreaterThan(0);
    expect(inside(removed, [lineSpan(text, cellNode(text, index, "source"))])).toBe(true);
    expect(inside(added, [lineSpan(written, cellNode(written, index, "source"))])).toBe(true);
    expect(parseOrThrow(written).notebook.cells[index]!.source).toBe("# edited in Benchtop — é\nanswer = 6 * 7\nanswer\n");
  });

  it("changes only the outputs and execution count when a cell runs", () => {
    const text = notebooks[name]!;
    const { notebook } = parseOrThrow(text);
    const index = codeCellIndex(notebook, 1) ?? codeCellIndex(notebook);
    const written = write(setOutputs(notebook, index, RUN_OUTPUTS, 42), text);
    const { removed, added } = changedLines(text, written);
    const spans = (file: string) => [lineSpan(file, cellNode(file, index, "outputs")), lineSpan(file, cellNode(file, index, "execution_count"))];
    expect(added.length).toBeGreaterThan(0);
    expect(inside(removed, spans(text))).toBe(true);
    expect(inside(added, spans(written))).toBe(true);
    expect(parseOrThrow(written).notebook.cells[index]).toMatchObject({ execution_count: 42, outputs: RUN_OUTPUTS });
  });

  it("writes every kind of edit as a valid notebook", () => {
    const text = notebooks[name]!;
    const { notebook } = parseOrThrow(text);
    const last = notebook.cells.length - 1;
    const edits: Notebook[] = [
      insertCell(notebook, 0, "markdown", "New *first* cell"),
      insertCell(notebook, last + 1, "code", "print('last')"),
      deleteCell(notebook, 1),
      moveCell(notebook, 0, "down"),
      changeCellType(notebook, codeCellIndex(notebook), "markdown"),
      changeCellType(notebook, 0, notebook.cells[0]!.cell_type === "code" ? "markdown" : "code"),
      clearOutputs(notebook, codeCellIndex(notebook)),
      clearAllOutputs(notebook),
    ];
    for (const edited of edits) {
      const written = write(edited, text);
      expect(parseOrThrow(written).notebook).toEqual(JSON.parse(JSON.stringify(edited)));
    }
  });
});

describe.each(JUPYTER_WRITTEN)("%s, written by Jupyter", (name) => {
  it("is written from scratch exactly as Jupyter wrote it", () => {
    const text = notebooks[name]!;
    expect(serializeNotebook(parseOrThrow(text).notebook)).toBe(text);
  });

  it("stays in Jupyter's own layout after edits (nbformat writes it the same)", () => {
    const text = notebooks[name]!;
    const { notebook } = parseOrThrow(text);
    let edited = insertCell(editSource(notebook, 0, "Première ligne\n\nsecond paragraph"), 1, "code", "x = 1\ny = 2");
    edited = setOutputs(edited, 1, RUN_OUTPUTS, 7);
    edited = moveCell(clearOutputs(edited, codeCellIndex(edited, 1)), 0, "down");
    const written = write(edited, text);
    expect(written).toBe(jupyterWrites(written));
  });
});

describe("notebooks in a layout Jupyter does not write keep their layout", () => {
  it("Colab's two-space indent, unsorted keys, ASCII escapes and 1.0 stay; a new cell follows its siblings", () => {
    const text = notebooks["colab-layout.ipynb"]!;
    const { notebook } = parseOrThrow(text);
    const written = write(insertCell(editSource(notebook, 1, "ratio = 2.0\nprint('ratio', ratio, 'é')"), 2, "code", "ç = 1"), text);
    expect(written).toContain('"version": 1.0');
    expect(written).toContain('    "print(\'ratio\', ratio, \'\\u00e9\')"');
    expect(written).toContain('      "source": [\n        "\\u00e7 = 1"\n      ],\n      "metadata": {},\n      "execution_count": null,\n      "outputs": []');
    expect(written.startsWith('{\n  "nbformat": 4,\n  "nbformat_minor": 0,\n  "metadata"')).toBe(true);
    const { removed } = changedLines(text, written);
    expect(inside(removed, [lineSpan(text, cellNode(text, 1, "source"))])).toBe(true);
  });

  it("texts written as strings stay strings, with CRLF line ends and no final newline", () => {
    const text = notebooks["strings-crlf-layout.ipynb"]!;
    const { notebook } = parseOrThrow(text);
    const written = write(insertCell(editSource(notebook, 1, "Three\nlines\nnow"), 2, "markdown", "a\nb"), text);
    expect(written).toContain('"source": "Three\\nlines\\nnow"');
    expect(written).toContain('"source": "a\\nb"');
    expect(written.replace(/\r\n/g, "")).not.toContain("\n");
    expect(written.endsWith("}")).toBe(true);
    const { removed, added } = changedLines(text, written);
    expect(removed).toEqual([lineSpan(text, cellNode(text, 1, "source")).first]);
    expect(added.length).toBeGreaterThan(1);
  });
});

describe("the cell-level diff of a notebook nbconvert ran", () => {
  it("shows each code cell's new outputs summarized, matched by id, Markdown cells unchanged", () => {
    const source = parseOrThrow(fs.readFileSync(path.join(dir, "sources", "outputs.ipynb"), "utf8")).notebook;
    const diff = diffNotebooks(source, parseOrThrow(notebooks["outputs.ipynb"]!).notebook);
    expect(diff.cells.map((cell) => cell.outputs?.summary ?? cell.status)).toEqual([
      "unchanged",
      "outputs added: 1 text; execution count none → 1",
      "outputs added: 2 text; execution count none → 2",
      "outputs added: 1 text; execution count none → 3",
      "outputs added: 1 HTML; execution count none → 4",
      "unchanged",
      "outputs added: 1 image; execution count none → 5",
      "outputs added: 1 image; execution count none → 6",
      "outputs added: 1 text; execution count none → 7",
      "outputs added: 1 other; execution count none → 8",
      "outputs added: 1 error; execution count none → 9",
      "unchanged",
    ]);
    expect(diff.cells.every((cell) => !cell.moved && cell.source === null && cell.beforeIndex === cell.afterIndex)).toBe(true);
    // nbconvert records execution times in each cell's metadata and the language in the notebook's.
    expect(diff.cells[1]).toMatchObject({ metadataChanged: true, metadataOnly: false });
    expect(diff.metadataChanged).toBe(true);
  });
});
