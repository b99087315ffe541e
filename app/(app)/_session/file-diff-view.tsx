"use client";

import { isNotebookPath } from "@/lib/notebooks";
import type { FileDiff } from "@/lib/workspace/types";
import { DiffView } from "./diff-view";
import { NotebookDiffView } from "./notebook-diff/notebook-diff-view";

/** A changed file's diff, loaded when shown: notebooks (.ipynb) cell by cell, other files line by line. */
export function FileDiffView({ path, ...props }: { path: string; label: string; loadKey: string; load: () => Promise<FileDiff> }) {
  return isNotebookPath(path) ? <NotebookDiffView {...props} /> : <DiffView {...props} />;
}
