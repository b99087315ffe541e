"use client";

import { useEffect, useState } from "react";
import type { DiffLine, FileDiff } from "@/lib/workspace/types";
import { describeError } from "./error-text";

const lineStyle: Record<DiffLine["kind"], { sign: string; className: string }> = {
  add: { sign: "+", className: "bg-green-50 text-green-900" },
  remove: { sign: "-", className: "bg-red-50 text-red-900" },
  context: { sign: " ", className: "text-slate-700" },
};

type Props = {
  /** What the diff shows, for assistive technology ("Changes in src/model.py"). */
  label: string;
  /** Reloads the diff whenever it changes. */
  loadKey: string;
  load: () => Promise<FileDiff>;
};

/** A unified diff (+/- lines under @@ hunk headers), loaded when shown. */
export function DiffView({ label, loadKey, load }: Props) {
  const [result, setResult] = useState<{ key: string; diff?: FileDiff; error?: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    load().then(
      (diff) => !cancelled && setResult({ key: loadKey, diff }),
      (error: unknown) => !cancelled && setResult({ key: loadKey, error: describeError(error) }),
    );
    return () => {
      cancelled = true;
    };
    // `load` is a new function on every render; loadKey says when it loads something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadKey]);

  const box = "mt-1 max-h-80 overflow-auto rounded border border-slate-200 bg-white text-xs";
  if (!result) return <p className="mt-1 text-xs text-slate-500">Loading the diff…</p>;
  if (result.error) return <p className="mt-1 text-xs text-red-800">Could not show the diff. {result.error}</p>;
  const diff = result.diff!;
  if (diff.binary) return <p className="mt-1 text-xs text-slate-600">Binary file: no line diff.</p>;
  if (diff.hunks.length === 0) return <p className="mt-1 text-xs text-slate-600">No line changes.</p>;
  return (
    <div role="group" aria-label={label} className={box}>
      <pre className="min-w-max font-mono leading-5">
        {diff.hunks.map((hunk, h) => (
          <div key={h}>
            <div className="bg-indigo-50 px-2 text-indigo-800">{`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`}</div>
            {hunk.lines.map((line, i) => (
              <div key={i} className={`px-2 ${lineStyle[line.kind].className}`}>
                {lineStyle[line.kind].sign}
                {line.text}
              </div>
            ))}
          </div>
        ))}
      </pre>
    </div>
  );
}
