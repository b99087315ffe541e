import { describe, expect, it } from "vitest";
import { diffContents, diffTexts } from "./unified-diff";
import { MAX_EDITOR_BYTES } from "./types";

describe("diffTexts", () => {
  it("numbers lines within the texts themselves (a notebook cell's source), without end-of-file markers", () => {
    const hunks = diffTexts("a = 1\nb = 2\nprint(a + b)", "a = 1\nb = 3\nprint(a + b)");
    expect(hunks).toEqual([
      {
        oldStart: 1,
        oldLines: 3,
        newStart: 1,
        newLines: 3,
        lines: [
          { kind: "context", text: "a = 1", oldLine: 1, newLine: 1 },
          { kind: "remove", text: "b = 2", oldLine: 2 },
          { kind: "add", text: "b = 3", newLine: 2 },
          { kind: "context", text: "print(a + b)", oldLine: 3, newLine: 3 },
        ],
      },
    ]);
    expect(diffTexts("same", "same")).toEqual([]);
    expect(diffTexts("", "# Title")).toEqual([{ oldStart: 0, oldLines: 0, newStart: 1, newLines: 1, lines: [{ kind: "add", text: "# Title", newLine: 1 }] }]);
  });
});

describe("diffContents", () => {
  it("diffs notebooks past the editor's limit for code (outputs make them large), and not other files that large", () => {
    const big = (change: string) => new TextEncoder().encode(`{\n "cells": [\n  "${"x".repeat(MAX_EDITOR_BYTES)}",\n  "${change}"\n ]\n}\n`);
    const notebook = diffContents({ path: "big.ipynb", kind: "modified", before: big("old"), after: big("new") });
    expect(notebook.binary).toBe(false);
    expect(notebook.hunks.flatMap((hunk) => hunk.lines.filter((line) => line.kind !== "context").map((line) => line.text))).toEqual(['  "old"', '  "new"']);
    expect(notebook.texts?.after).toContain('"new"');
    expect(diffContents({ path: "big.json", kind: "modified", before: big("old"), after: big("new") })).toEqual({ path: "big.json", kind: "modified", binary: true, hunks: [] });
  });
});
