// The audit trail's one-line descriptions of deployments' and schedules' events
// (lib/deployments records them), kept apart from the project's own.

type Detail = Record<string, unknown>;

const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));
const short = (commit: unknown) => text(commit).slice(0, 7);
const clock = (d: { cron?: unknown; timezone?: unknown }) => `${text(d.cron)} (${text(d.timezone)})`;

function describeSchedule(action: string, d: Detail): string {
  const what = `${text(d.deployment)}: ${clock(d)}`;
  if (action !== "schedule.updated") return what;
  const from = (d.from as { cron?: unknown; timezone?: unknown; enabled?: unknown } | undefined) ?? {};
  const moved = from.cron !== d.cron || from.timezone !== d.timezone ? `${text(d.deployment)}: ${clock(from)} → ${clock(d)}` : what;
  const switched = from.enabled !== undefined && from.enabled !== d.enabled ? (d.enabled ? ", enabled" : ", disabled") : "";
  return `${moved}${switched}`;
}

/** What a deployment or schedule event did, from its detail; null for any other action. */
export function describeDeploymentEvent(action: string, d: Detail): string | null {
  switch (action) {
    case "deployment.created":
      return `${text(d.deployment)}: ${text(d.ref)}${d.track ? " (follows the branch)" : ""}, ${text(d.visibility)}`;
    case "deployment.updated":
      return `${text(d.deployment)}: ${Object.entries((d.changes as Detail) ?? {})
        .map(([key, value]) => `${key}: ${text(value)}`)
        .join(", ")}`;
    case "deployment.deployed":
      return `${text(d.deployment)}: ${text(d.ref)} at ${short(d.commit)} (${text(d.trigger)})`;
    case "deployment.rolled_back":
      return `${text(d.deployment)}: back to ${short(d.commit)}`;
    case "deployment.run_failed":
    case "deployment.run_skipped":
      return `${text(d.deployment)}: ${text(d.message)}`;
    case "deployment.stopped":
    case "deployment.started":
    case "deployment.deleted":
      return text(d.deployment);
    case "schedule.created":
    case "schedule.updated":
    case "schedule.deleted":
      return describeSchedule(action, d);
    default:
      return null;
  }
}
