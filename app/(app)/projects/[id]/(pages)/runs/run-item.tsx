import Link from "next/link";
import { UtcTime } from "@/app/components/utc-time";
import type { RunView } from "@/lib/deployments";
import { requesterLabel, shortCommit, triggerLabel } from "../../_deployments/labels";
import { RunStatusBadge } from "../../_deployments/status-badge";

const TONES: Partial<Record<RunView["status"], string>> = {
  failed: "border-l-4 border-l-red-600 bg-red-50",
  skipped: "bg-slate-50 text-slate-600",
};

/** One run: what it deployed, how it started and ended, who asked, why it failed or was skipped, and its log (folded). */
export function RunItem({ projectId, run }: { projectId: string; run: RunView }) {
  const name = run.deploymentName ?? "a deleted deployment";
  return (
    <li id={`run-${run.id}`} aria-label={`Run of ${name}, ${run.status}`} className={`scroll-mt-4 px-4 py-3 text-sm ${TONES[run.status] ?? ""}`}>
      <div className="flex flex-wrap items-center gap-2">
        <RunStatusBadge status={run.status} />
        {run.deploymentName ? (
          <Link href={`/projects/${projectId}/deployments/${run.deploymentId}`} className="break-all font-medium text-indigo-700 hover:underline">
            {run.deploymentName}
          </Link>
        ) : (
          <span className="font-medium">{name}</span>
        )}
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{triggerLabel(run)}</span>
        {run.commit && <span className="font-mono text-xs">{shortCommit(run.commit)}</span>}
        <span className="text-xs text-slate-500">by {requesterLabel(run.requestedBy)}</span>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {run.startedAt ? (
          <>
            started <UtcTime at={run.startedAt} />
          </>
        ) : (
          <>
            queued <UtcTime at={run.createdAt} />
          </>
        )}
        {run.finishedAt && (
          <>
            {" "}
            · finished <UtcTime at={run.finishedAt} />
          </>
        )}
      </p>
      {run.message && <p className={`mt-1 break-words ${run.status === "failed" ? "text-red-800" : "text-slate-600"}`}>{run.message}</p>}
      {run.log && (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs text-indigo-700">Log</summary>
          {/* Text in a <pre>: React escapes whatever the log holds. */}
          <pre className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-white p-2 font-mono text-xs text-slate-800">{run.log}</pre>
        </details>
      )}
    </li>
  );
}
