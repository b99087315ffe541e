import { describe, expect, it } from "vitest";
import { parseNotebook, serializeNotebook, type Notebook } from "@/lib/notebooks";
import { applyEdit, openDocument } from "./notebook-edits";
import { repositoryImagePath as repositoryPath } from "@/lib/render";

const text = `${JSON.stringify(
  {
    cells: [
      { cell_type: "markdown", id: "m1", metadata: {}, source: ["# Title"] },
      { cell_type: "code", execution_count: 3, id: "c1", metadata: {}, outputs: [{ name: "stdout", output_type: "stream", text: ["old\n"] }], source: ["x = 1"] },
      { cell_type: "code", execution_count: null, id: "c2", metadata: {}, outputs: [], source: ["print(x)"] },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  },
  null,
  1,
)}\n`;

function open() {
  const read = parseNotebook(text);
  if (!read.ok) throw new Error(read.reason);
  return { read, document: openDocument(read.notebook) };
}

const sources = (notebook: Notebook) => notebook.cells.map((cell) => cell.source);

describe("notebook edits by cell key", () => {
  it("keeps each key with its cell through inserts, moves and deletes", () => {
    const { document } = open();
    const [markdown, first, second] = document.keys as [string, string, string];
    let next = applyEdit(document, { kind: "insert", index: 1, type: "code", key: "new" });
    expect(next.keys).toEqual([markdown, "new", first, second]);
    next = applyEdit(next, { kind: "move", key: second, direction: "up" });
    expect(next.keys).toEqual([markdown, "new", second, first]);
    expect(sources(next.notebook)).toEqual(["# Title", "", "print(x)", "x = 1"]);
    next = applyEdit(next, { kind: "delete", key: "new" });
    expect(next.keys).toEqual([markdown, second, first]);
    // Outputs of a run that started before the moves land in their own cell.
    next = applyEdit(next, { kind: "outputs", key: first, outputs: [{ output_type: "stream", name: "stdout", text: "new\n" }], executionCount: 4 });
    expect(next.notebook.cells[2]).toMatchObject({ source: "x = 1", execution_count: 4, outputs: [{ text: "new\n" }] });
  });

  it("returns the same document for edits that change nothing or whose cell is gone", () => {
    const { document } = open();
    expect(applyEdit(document, { kind: "source", key: document.keys[0]!, source: "# Title" })).toBe(document);
    expect(applyEdit(document, { kind: "source", key: "gone", source: "x" })).toBe(document);
    expect(applyEdit(document, { kind: "move", key: document.keys[0]!, direction: "up" })).toBe(document);
    expect(applyEdit(document, { kind: "outputs", key: document.keys[0]!, outputs: [], executionCount: 1 })).toBe(document);
  });

  it("writes back only the edited cell's lines", () => {
    const { read, document } = open();
    const edited = applyEdit(document, { kind: "source", key: document.keys[2]!, source: "print(x + 1)" });
    const written = serializeNotebook(edited.notebook, { original: read });
    const changed = written.split("\n").filter((line, index) => line !== text.split("\n")[index]);
    expect(changed).toEqual(['    "print(x + 1)"']);
    expect(serializeNotebook(document.notebook, { original: read })).toBe(text);
  });
});

describe("repository images", () => {
  it("resolves Markdown image paths from the notebook's folder, never above the repository", () => {
    expect(repositoryPath("analysis/sales.ipynb", "figures/plot.png")).toBe("analysis/figures/plot.png");
    expect(repositoryPath("analysis/sales.ipynb", "../img/a.png?raw=1")).toBe("img/a.png");
    expect(repositoryPath("top.ipynb", "./a.png")).toBe("a.png");
    expect(repositoryPath("top.ipynb", "../../etc/passwd")).toBeNull();
  });
});
