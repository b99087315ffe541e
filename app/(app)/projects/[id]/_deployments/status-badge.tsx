import type { DeploymentStatus, RunView } from "@/lib/deployments";

const DEPLOYMENT_STYLES: Record<DeploymentStatus, string> = {
  deploying: "bg-amber-100 text-amber-800",
  running: "bg-green-100 text-green-800",
  stopped: "bg-slate-100 text-slate-600",
  failed: "bg-red-600 text-white",
};

const RUN_STYLES: Record<RunView["status"], string> = {
  queued: "bg-amber-100 text-amber-800",
  running: "bg-indigo-100 text-indigo-800",
  succeeded: "bg-green-100 text-green-800",
  failed: "bg-red-600 text-white",
  skipped: "bg-slate-200 text-slate-600",
};

const badge = "rounded px-1.5 py-0.5 text-xs font-semibold";

/** A deployment's status as a small label: running (served), deploying, stopped or failed. */
export function DeploymentStatusBadge({ status }: { status: DeploymentStatus }) {
  return <span className={`${badge} ${DEPLOYMENT_STYLES[status]}`}>{status}</span>;
}

/** A run's status as a small label: failed in red, skipped in grey. */
export function RunStatusBadge({ status }: { status: RunView["status"] }) {
  return <span className={`${badge} ${RUN_STYLES[status]}`}>{status}</span>;
}
