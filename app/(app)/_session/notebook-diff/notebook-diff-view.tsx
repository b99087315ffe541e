"use client";

import { useState } from "react";
import { diffNotebookTexts } from "@/lib/notebooks";
import type { FileDiff } from "@/lib/workspace/types";
import { DiffFailed, DiffLoading, UnifiedDiff } from "../diff-view";
import { useLoadedDiff } from "../use-loaded-diff";
import { NotebookCells } from "./notebook-cells";

type Props = {
  /** What the diff shows, for assistive technology ("Diff of analysis.ipynb"). */
  label: string;
  /** Reloads the diff whenever it changes. */
  loadKey: string;
  /** A notebook's FileDiff, which carries both versions' texts (lib/workspace's diffContents). */
  load: () => Promise<FileDiff>;
};

const toggleClass = "rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50";

/**
 * A notebook's diff cell by cell, loaded when shown, with a switch to the file's
 * JSON diff and back. When a version is not a notebook, the JSON diff with a
 * note saying why.
 */
export function NotebookDiffView({ label, loadKey, load }: Props) {
  const result = useLoadedDiff(loadKey, load);
  const [raw, setRaw] = useState(false);
  if (!result) return <DiffLoading />;
  if (result.error) return <DiffFailed error={result.error} />;
  const diff = result.diff!;
  // Binary or too large: the unified diff says so.
  if (!diff.texts) return <UnifiedDiff label={label} diff={diff} />;
  const cells = diffNotebookTexts(diff.texts.before, diff.texts.after);
  if (!cells.ok)
    return (
      <>
        <p className="mt-1 text-xs text-slate-600">Shown as JSON, not cell by cell. {cells.reason}</p>
        <UnifiedDiff label={label} diff={diff} />
      </>
    );
  return (
    <>
      <div className="mt-1 flex items-center gap-2">
        <button type="button" className={toggleClass} title={raw ? "Show the changes cell by cell" : "Show the changes to the file's JSON"} onClick={() => setRaw((shown) => !shown)}>
          {raw ? "Cells" : "Raw JSON"}
        </button>
      </div>
      {raw ? <UnifiedDiff label={label} diff={diff} /> : <NotebookCells label={label} diff={cells.diff} />}
    </>
  );
}
