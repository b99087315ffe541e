import type { DiffHunk, DiffLine } from "@/lib/workspace/types";

const lineStyle: Record<DiffLine["kind"], { sign: string; className: string }> = {
  add: { sign: "+", className: "bg-green-50 text-green-900" },
  remove: { sign: "-", className: "bg-red-50 text-red-900" },
  context: { sign: " ", className: "text-slate-700" },
};

/** Unified diff hunks: +/- lines under @@ headers (a file's, or one notebook cell's source). */
export function DiffHunks({ hunks }: { hunks: DiffHunk[] }) {
  return (
    <pre className="min-w-max font-mono leading-5">
      {hunks.map((hunk, h) => (
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
  );
}
