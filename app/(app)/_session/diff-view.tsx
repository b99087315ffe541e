"use client";

import type { FileDiff } from "@/lib/workspace/types";
import { DiffHunks } from "./diff-hunks";
import { useLoadedDiff } from "./use-loaded-diff";

type Props = {
  /** What the diff shows, for assistive technology ("Changes in src/model.py"). */
  label: string;
  /** Reloads the diff whenever it changes. */
  loadKey: string;
  load: () => Promise<FileDiff>;
};

/** A unified diff (+/- lines under @@ hunk headers), loaded when shown. */
export function DiffView({ label, loadKey, load }: Props) {
  const result = useLoadedDiff(loadKey, load);
  if (!result) return <DiffLoading />;
  if (result.error) return <DiffFailed error={result.error} />;
  return <UnifiedDiff label={label} diff={result.diff!} />;
}

export const diffBox = "mt-1 max-h-80 overflow-auto rounded border border-slate-200 bg-white text-xs";

/** A loaded file diff as +/- lines; says so for a binary file or one without line changes. */
export function UnifiedDiff({ label, diff }: { label: string; diff: FileDiff }) {
  if (diff.binary) return <p className="mt-1 text-xs text-slate-600">Binary file: no line diff.</p>;
  if (diff.hunks.length === 0) return <p className="mt-1 text-xs text-slate-600">No line changes.</p>;
  return (
    <div role="group" aria-label={label} className={diffBox}>
      <DiffHunks hunks={diff.hunks} />
    </div>
  );
}

export function DiffLoading() {
  return <p className="mt-1 text-xs text-slate-500">Loading the diff…</p>;
}

export function DiffFailed({ error }: { error: string }) {
  return <p className="mt-1 text-xs text-red-800">Could not show the diff. {error}</p>;
}
