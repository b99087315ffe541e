import type { Progress } from "@/lib/workspace/types";
import { progressText } from "./use-status";

/** A labelled progress bar; indeterminate (no aria-valuenow) while the total is unknown. */
export function ProgressBar({ label, progress, className = "" }: { label: string; progress?: Progress; className?: string }) {
  const percent = progress?.percent !== undefined ? Math.max(0, Math.min(100, Math.round(progress.percent))) : undefined;
  const text = progress ? progressText(progress) : "Starting";
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={text}
      className={`h-2 w-full overflow-hidden rounded-full bg-slate-200 ${className}`}
    >
      <div className={`h-full rounded-full bg-indigo-600 transition-[width] ${percent === undefined ? "w-1/3 animate-pulse" : ""}`} style={percent === undefined ? undefined : { width: `${percent}%` }} />
    </div>
  );
}
