import type { BackendCheck } from "@/lib/vcs";

/** The Test button's findings, one line per check, each saying what to fix. */
export function CheckList({ checks }: { checks: BackendCheck[] }) {
  return (
    <ul aria-label="Checks" className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
      {checks.map((check) => (
        <li key={check.name} className="flex gap-3 px-3 py-2">
          <span aria-hidden className={check.ok ? "text-green-600" : "text-red-600"}>
            {check.ok ? "✓" : "✗"}
          </span>
          <span>
            <span className="font-medium">{check.name}</span>
            <span className="sr-only">{check.ok ? ": passed" : ": failed"}</span> {check.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
