import { describe, expect, it } from "vitest";
import { editSource, insertCell, newCell } from "./edit-cells";
import { parseNotebook } from "./parse-notebook";
import { serializeNotebook } from "./serialize-notebook";
import { parseOrThrow, readFixture } from "./test-support/notebook-files";
import { jupyterWrites, nbformatProblem, requirePythonTools } from "./test-support/python-tools";
import type { Notebook } from "./types";

const fresh = (): Notebook => ({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" } }, cells: [] });

describe("serializeNotebook", () => {
  it("writes a new notebook exactly as nbformat does", () => {
    requirePythonTools();
    let notebook = fresh();
    notebook = insertCell(notebook, 0, "markdown", "# Título\n\nÜber $x^2$");
    notebook = insertCell(notebook, 1, "code", "print('hi')\n\n");
    notebook = { ...notebook, metadata: { ...notebook.metadata, weights: [0.5, 1e-5, 2], "é": true, Z: null, a: {} } };
    const written = serializeNotebook(notebook);
    expect(nbformatProblem(written)).toBeNull();
    expect(written).toBe(jupyterWrites(written));
    expect(written).toContain('"source": [\n    "# Título\\n",\n    "\\n",\n    "Über $x^2$"\n   ]');
    expect(serializeNotebook({ ...notebook, cells: [{ ...newCell(notebook, "code"), id: "empty" }] })).toContain('"source": []');
  });

  it("keeps a one-line notebook on one line, with its separators", () => {
    const compact = JSON.stringify({ cells: [{ cell_type: "markdown", metadata: {}, source: ["a\n", "b"] }], metadata: {}, nbformat: 4, nbformat_minor: 4 });
    const written = serializeNotebook(insertCell(editSource(parseOrThrow(compact).notebook, 0, "c\nd"), 1, "code", "x"), { original: compact });
    expect(written).toBe(
      '{"cells":[{"cell_type":"markdown","metadata":{},"source":["c\\n","d"]},{"cell_type":"code","execution_count":null,"metadata":{},"outputs":[],"source":["x"]}],"metadata":{},"nbformat":4,"nbformat_minor":4}',
    );
  });

  it("keeps a byte order mark, NaN and numbers as they were written", () => {
    const text = '\ufeff{\n "cells": [],\n "metadata": {"a": NaN, "b": 1.50, "c": 1E3},\n "nbformat": 4,\n "nbformat_minor": 4\n}\n';
    const { notebook } = parseOrThrow(text);
    expect(serializeNotebook(notebook, { original: text })).toBe(text);
    const written = serializeNotebook(insertCell(notebook, 0, "raw", "r"), { original: text });
    expect(written.startsWith("\ufeff{")).toBe(true);
    expect(written).toContain('"metadata": {"a": NaN, "b": 1.50, "c": 1E3}');
  });

  it("refuses to write what is not a notebook, and over a file that was not one", () => {
    const notebook = parseOrThrow(readFixture("v4.4.ipynb")).notebook;
    const broken = { ...notebook, cells: [{ cell_type: "code", metadata: {}, source: "x" }] } as unknown as Notebook;
    expect(() => serializeNotebook(broken)).toThrow("Cannot write this notebook: code cell 1 has an execution_count that is neither a whole number nor null.");
    expect(() => serializeNotebook(notebook, { original: '{"not": "a notebook"}' })).toThrow(/^The original is not a notebook \(it is JSON but not a Jupyter notebook/);
    const read = parseNotebook("{ oops");
    expect(read.ok).toBe(false);
  });
});

describe("serializeNotebook on a 5 MB notebook of 500 cells", () => {
  it("reads and writes it back after an edit in well under a second each, touching only the edited lines", () => {
    const png = "iVBORw0KGgo".repeat(800) + "\n";
    const cells = Array.from({ length: 500 }, (_, i) => ({
      id: `c${i}`,
      cell_type: "code" as const,
      metadata: {},
      execution_count: i,
      source: Array.from({ length: 20 }, (_, j) => `line_${j} = ${i} * ${j}`).join("\n"),
      outputs: [{ output_type: "display_data" as const, data: { "image/png": png, "text/plain": "<Figure>" }, metadata: {} }],
    }));
    const text = serializeNotebook({ ...fresh(), cells });
    expect(text.length).toBeGreaterThan(4_500_000);
    let started = performance.now();
    const read = parseNotebook(text);
    if (!read.ok) throw new Error(read.reason);
    const readingTime = performance.now() - started;
    started = performance.now();
    const written = serializeNotebook(editSource(read.notebook, 250, "changed = True"), { original: read });
    const writingTime = performance.now() - started;
    // Generous bounds for a busy 2-core machine; measured around 100 ms and 30 ms.
    expect(readingTime).toBeLessThan(1_500);
    expect(writingTime).toBeLessThan(1_000);
    const [before, after] = [text.split("\n"), written.split("\n")];
    const firstChange = before.findIndex((line, i) => line !== after[i]);
    const lastChange = before.length - 1 - [...before].reverse().findIndex((line, i) => line !== after[after.length - 1 - i]);
    expect(before.slice(firstChange, lastChange + 1).every((line) => line.startsWith('    "line_'))).toBe(true);
  });
});
