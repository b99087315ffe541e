import { describe, expect, it } from "vitest";
import { describeCellDiff } from "./describe-cell-diff";
import { diffNotebookTexts } from "./diff-notebook-texts";
import { editSource } from "./edit-cells";
import { serializeNotebook } from "./serialize-notebook";
import { parseOrThrow, readFixture } from "./test-support/notebook-files";

const file = readFixture("v4.5-unicode.ipynb");

describe("diffNotebookTexts", () => {
  it("compares two versions of a file cell by cell", () => {
    const parsed = parseOrThrow(file);
    const edited = serializeNotebook(editSource(parsed.notebook, 3, "Ende."), { original: parsed });
    const result = diffNotebookTexts(file, edited);
    if (!result.ok) throw new Error(result.reason);
    expect(result.diff.cells.map((cell) => describeCellDiff(cell).title)).toEqual(["Cell 1: unchanged", "Cell 2: unchanged", "Cell 3: unchanged", "Cell 4: source changed"]);
    expect(result.diff.metadataChanged).toBe(false);
  });

  it("shows an added notebook as added cells and a deleted one as removed cells, with no metadata change", () => {
    const added = diffNotebookTexts(null, file);
    if (!added.ok) throw new Error(added.reason);
    expect(added.diff.cells.map((cell) => cell.status)).toEqual(["added", "added", "added", "added"]);
    expect(added.diff.metadataChanged).toBe(false);
    const deleted = diffNotebookTexts(file, null);
    if (!deleted.ok) throw new Error(deleted.reason);
    expect(deleted.diff.cells.map((cell) => cell.status)).toEqual(["removed", "removed", "removed", "removed"]);
  });

  it("says which version is not a notebook and why", () => {
    const conflicted = `<<<<<<< ours\n${file}=======\n${file}>>>>>>> theirs\n`;
    expect(diffNotebookTexts(file, conflicted)).toEqual({ ok: false, reason: expect.stringMatching(/^The new version is not a notebook: it is not valid JSON: .+\.$/) });
    expect(diffNotebookTexts('{"nbformat": 3, "cells": []}', file)).toEqual({ ok: false, reason: expect.stringMatching(/^The old version is not a notebook: .+\.$/) });
  });
});
