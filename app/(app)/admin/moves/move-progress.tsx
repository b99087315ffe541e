"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { MoveBatchView } from "@/lib/moves";

const STATE_STYLES = { queued: "text-slate-600", running: "text-indigo-700", done: "text-green-700", failed: "text-red-700" } as const;

/** Each recent request's moves, project by project; refreshed every two seconds while any runs. */
export function MoveProgress({ batches }: { batches: MoveBatchView[] }) {
  const router = useRouter();
  const running = batches.some((batch) => batch.state === "running");
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [running, router]);
  if (batches.length === 0) return <p className="text-sm text-slate-600">No project has been moved yet.</p>;
  return (
    <>
      {batches.map((batch) => (
        <article key={batch.id} aria-label={`Moves of ${new Date(batch.createdAt).toLocaleString()}`} className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-sm font-medium">
            To {batch.target.type === "internal" ? "Benchtop's git server" : batch.target.name} · {new Date(batch.createdAt).toLocaleString()} ·{" "}
            {batch.counts.done} moved, {batch.counts.failed} failed{batch.state === "running" ? `, ${batch.counts.queued + batch.counts.running} to go` : ""}
          </h3>
          <ul className="mt-2 space-y-1 text-sm">
            {batch.moves.map((move) => (
              <li key={move.jobId}>
                <span className="font-medium">{move.projectName}</span>: <span className={STATE_STYLES[move.state]}>{move.stepLabel}</span>
                {move.message && <span className="text-slate-700"> — {move.message}</span>}
              </li>
            ))}
          </ul>
        </article>
      ))}
    </>
  );
}
