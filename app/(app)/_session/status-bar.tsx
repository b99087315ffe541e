import { ProgressBar } from "./progress-bar";
import type { StatusMessage } from "./use-status";
import { progressText } from "./use-status";

const tones = {
  info: "text-slate-700",
  success: "text-green-800",
  error: "text-red-800",
  progress: "text-slate-700",
};

/** The session's live status region: progress and the result of every operation. */
export function StatusBar({ status, className = "" }: { status: StatusMessage | null; className?: string }) {
  const detail = status?.progress ? progressText(status.progress) : "";
  return (
    <div role="status" aria-live="polite" className={`flex min-w-0 flex-1 items-center gap-3 text-sm ${className}`}>
      {status && (
        <>
          {status.tone === "error" && (
            <span aria-hidden className="shrink-0 font-bold text-red-700">
              !
            </span>
          )}
          <p className={`min-w-0 line-clamp-2 leading-snug ${tones[status.tone]}`} title={status.text}>
            {status.text}
            {detail && <span className="text-slate-500"> {detail}</span>}
          </p>
          {status.tone === "progress" && status.progress && <ProgressBar label={status.text} progress={status.progress} className="w-28 shrink-0" />}
          {status.action && (
            <button type="button" onClick={status.action.run} className="shrink-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-semibold text-slate-800 hover:bg-slate-50">
              {status.action.label}
            </button>
          )}
        </>
      )}
    </div>
  );
}
