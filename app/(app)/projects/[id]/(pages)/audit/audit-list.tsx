import type { AuditEventView } from "@/lib/audit/list-events";
import { describeDeploymentEvent } from "./deployment-events";

const shortRef = (ref: string) => ref.replace(/^refs\/(heads|tags)\//, "");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One line saying what an event did, from its detail (the CSV keeps the whole detail). */
function describe(event: AuditEventView): string {
  const d = event.detail as Record<string, unknown>;
  switch (event.action) {
    case "git.push": {
      const refs = (d.refs as { ref: string; after: string | null; commits?: number }[] | undefined) ?? [];
      return refs
        .map((r) => `${shortRef(r.ref)} ${r.after ? `→ ${r.after.slice(0, 7)}${r.commits !== undefined ? ` (${plural(r.commits, "commit")})` : ""}` : "deleted"}`)
        .join(", ");
    }
    case "collaborator.added":
      return `${String(d.email)} as ${String(d.role)}`;
    case "collaborator.role_changed":
      return `${String(d.email)}: ${String(d.from)} → ${String(d.to)}`;
    case "collaborator.removed":
      return String(d.email ?? "");
    case "operation.failed":
    case "operation.dismissed":
      return `${String(d.operation ?? "")}: ${String(d.message ?? "")}`;
    case "project.renamed":
      return `${String(d.from)} → ${String(d.to)}`;
    case "project.updated":
      return Object.entries((d.changes as Record<string, unknown>) ?? {})
        .map(([key, value]) => `${key}: ${String(value)}`)
        .join(", ");
    case "project.transferred":
      return `${String((d.from as { email?: string })?.email ?? "")} → ${String((d.to as { email?: string })?.email ?? "")}`;
    case "session.opened":
      return d.role ? `as ${String(d.role)}` : "";
    case "archive.uploaded":
      return [d.fileName, d.history ? "with history" : null].filter(Boolean).map(String).join(", ");
    case "archive.downloaded":
      return [d.ref, d.format, d.history ? "with history" : null].filter(Boolean).map(String).join(", ");
    default:
      return describeDeploymentEvent(event.action, d) ?? "";
  }
}

export function AuditList({ events, filtered }: { events: AuditEventView[]; filtered: boolean }) {
  return (
    <div>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">{filtered ? "No event matches these filters." : "Nothing has happened yet."}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-1 pr-4 font-medium">When (UTC)</th>
                <th className="py-1 pr-4 font-medium">Who</th>
                <th className="py-1 pr-4 font-medium">What</th>
                <th className="py-1 font-medium">Detail</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap py-1 pr-4 text-slate-600">{e.at.replace("T", " ").slice(0, 19)}</td>
                  <td className="break-words py-1 pr-4">{e.actor?.email ?? "system"}</td>
                  <td className="py-1 pr-4 font-mono text-xs">{e.action}</td>
                  <td className="break-words py-1 text-slate-600">{describe(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
