import { describe, expect, it } from "vitest";
import { parseNotebook } from "./parse-notebook";
import { readFixture } from "./test-support/notebook-files";
import { JUPYTER_LAYOUT } from "./types";

const notebook = (fields: Record<string, unknown> = {}, cells: unknown[] = []) =>
  JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells, ...fields }, null, 1);
const reasonOf = (text: string) => {
  const result = parseNotebook(text);
  if (result.ok) throw new Error("read as a notebook");
  return result.reason;
};
const code = { cell_type: "code", metadata: {}, source: "x", execution_count: null, outputs: [] };

describe("parseNotebook", () => {
  it("reads nbformat 4.0, 4.4 and 4.5 with texts joined and every field kept", () => {
    const v40 = parseNotebook(readFixture("v4.0.ipynb"));
    const v44 = parseNotebook(readFixture("v4.4.ipynb"));
    const v45 = parseNotebook(readFixture("v4.5-unicode.ipynb"));
    if (!v40.ok || !v44.ok || !v45.ok) throw new Error("a fixture did not read");
    expect(v40.format).toEqual({ nbformat: 4, nbformatMinor: 0, layout: JUPYTER_LAYOUT });
    expect(v40.notebook.cells[1]).toMatchObject({ source: "totals = {'north': 12.5, 'south': 7.25}\nfor region, total in sorted(totals.items()):\n    print(region, total)" });
    expect(v40.notebook.cells[1]).toMatchObject({ outputs: [{ output_type: "stream", name: "stdout", text: "north 12.5\nsouth 7.25\n" }] });
    expect(v44.notebook.metadata).toMatchObject({ toc: { nav_menu: {}, number_sections: true }, celltoolbar: "Tags" });
    expect(v44.notebook.cells[1]!.metadata).toEqual({ collapsed: false, scrolled: true, custom: { depth: 1.5 } });
    expect(v45.notebook.cells.map((cell) => cell.id)).toEqual(["intro-cell", "temp", "cafe", "end"]);
    expect(v45.notebook.cells[0]!.source).toBe("# Données météo — Zürich\n\n東京の天気 ☀️ and עברית");
  });

  it("reads the layout of files Jupyter did not write", () => {
    const colab = parseNotebook(readFixture("colab-layout.ipynb"));
    const strings = parseNotebook(readFixture("strings-crlf-layout.ipynb"));
    if (!colab.ok || !strings.ok) throw new Error("a fixture did not read");
    expect(colab.format.layout).toMatchObject({ indent: "  ", sortKeys: false, escapeNonAscii: true, splitLines: true, suffix: "\n" });
    expect(colab.notebook.metadata.colab).toEqual({ provenance: [], name: "Colab – étude.ipynb" });
    expect(strings.format.layout).toMatchObject({ indent: "    ", newline: "\r\n", sortKeys: true, splitLines: false, suffix: "" });
  });

  it("keeps fields it does not know, JSON MIME data as JSON, and reads NaN as Python does", () => {
    const text = notebook({ extra: { kept: [1, 2] }, metadata: { score: NaN } }, [
      {
        ...code,
        custom_field: true,
        outputs: [{ output_type: "display_data", metadata: {}, data: { "application/json": ["a", "b"], "application/vnd.x+json": { a: ["x\n", "y"] }, "text/plain": ["a\n", "b"], "image/png": ["AAA\n", "BBB\n"] } }],
      },
    ]).replace('"score": null', '"score": NaN');
    const result = parseNotebook(text);
    if (!result.ok) throw new Error(result.reason);
    expect(result.notebook.extra).toEqual({ kept: [1, 2] });
    expect(result.notebook.metadata.score).toBeNaN();
    expect(result.notebook.cells[0]).toMatchObject({
      custom_field: true,
      outputs: [{ data: { "application/json": ["a", "b"], "application/vnd.x+json": { a: ["x\n", "y"] }, "text/plain": "a\nb", "image/png": "AAA\nBBB\n" } }],
    });
  });

  it("says where a file stops being JSON", () => {
    expect(reasonOf('{\n "cells": [\n  {"cell_type": "code",,}\n ]\n}')).toBe('it is not valid JSON: expected a quoted key at line 3, column 24');
    expect(reasonOf('{"cells": [')).toBe("it is not valid JSON: unexpected end of the text at line 1, column 12");
    expect(reasonOf('{"a": "no end}')).toBe("it is not valid JSON: a text that never ends (no closing quote) at line 1, column 7");
    expect(reasonOf("{} {}")).toBe("it is not valid JSON: unexpected text after the end of the JSON at line 1, column 4");
    expect(reasonOf("")).toBe("it is not valid JSON: unexpected end of the text at line 1, column 1");
    expect(reasonOf("[".repeat(100_000))).toMatch(/nested more than 500 levels deep/);
  });

  it("says why JSON is not a notebook Benchtop opens", () => {
    expect(reasonOf("[1, 2]")).toMatch(/^the JSON is not an object/);
    expect(reasonOf('{"name": "package.json"}')).toBe('it is JSON but not a Jupyter notebook: it has no "nbformat" version');
    expect(reasonOf(notebook({ nbformat: 3, nbformat_minor: 0 }))).toBe(
      "it is an nbformat 3 notebook: Benchtop opens nbformat 4 (4.0 to 4.5); open it in Jupyter and save it to convert it",
    );
    expect(reasonOf(notebook({ nbformat_minor: 6 }))).toBe("it is an nbformat 4.6 notebook, newer than Benchtop knows (4.0 to 4.5)");
    expect(reasonOf(notebook({ metadata: [] }))).toBe('its "metadata" is missing or not an object');
    expect(reasonOf(notebook({ cells: {} }))).toBe('it has no list of "cells"');
    expect(reasonOf(notebook({}, [code, { metadata: {}, source: "" }]))).toBe("cell 2 has no cell_type");
    expect(reasonOf(notebook({}, [{ cell_type: "heading", metadata: {}, source: "" }]))).toBe('cell 1 has cell_type "heading"; Benchtop knows code, markdown and raw cells');
    expect(reasonOf(notebook({}, [{ cell_type: "markdown", metadata: {}, source: ["a", 1] }]))).toBe("the source of cell 1 is missing, or neither text nor a list of lines");
    expect(reasonOf(notebook({}, [{ ...code, outputs: undefined }]))).toBe("code cell 1 has no list of outputs");
    expect(reasonOf(notebook({}, [{ ...code, execution_count: "3" }]))).toBe("code cell 1 has an execution_count that is neither a whole number nor null");
    expect(reasonOf(notebook({}, [{ ...code, outputs: [{ text: "x" }] }]))).toBe("output 1 of cell 1 has no output_type");
    expect(reasonOf(notebook({}, [{ ...code, outputs: [{ output_type: "pyout" }] }]))).toMatch(/^output 1 of cell 1 has output_type "pyout"/);
    expect(reasonOf(notebook({}, [{ ...code, outputs: [{ output_type: "stream", name: "stdout" }] }]))).toBe("output 1 of cell 1 (a stream) has no text");
    expect(reasonOf(notebook({}, [{ ...code, outputs: [{ output_type: "display_data", metadata: {} }] }]))).toBe("output 1 of cell 1 (display_data) has no data object");
  });
});
