import type { Metadata } from "next";
import { describeBackend, listMoveBatches, listProjectPlaces } from "@/lib/moves";
import { getActiveBackend } from "@/lib/vcs";
import { MoveProgress } from "./move-progress";
import { MoveProjectsForm } from "./move-projects-form";

export const metadata: Metadata = { title: "Moves" };
export const dynamic = "force-dynamic";

/** Moving projects' repositories between Benchtop's git server and the organization in force, with each move's progress and report. */
export default function MovesPage() {
  const { row } = getActiveBackend();
  const projects = listProjectPlaces();
  const batches = listMoveBatches({ limit: 10 });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Moves</h1>
      <p className="text-sm text-slate-600">
        Move projects&apos; repositories between Benchtop&apos;s own git server and {row ? describeBackend(row) : "an organization on a git host (apply one on the Version control page first)"}.
        Every branch and tag is copied with git and compared on both sides before a project switches over; the old repository is kept until you remove it.
        While a project moves, pushes to it are paused (people keep their work in their sessions and push again afterwards).
      </p>
      <section aria-labelledby="projects-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="projects-heading" className="text-base font-semibold">
          Projects
        </h2>
        <MoveProjectsForm projects={projects} externalName={row ? describeBackend(row) : null} externalId={row?.id ?? null} />
      </section>
      <section aria-labelledby="moves-heading" className="space-y-3">
        <h2 id="moves-heading" className="text-base font-semibold">
          Recent moves
        </h2>
        <MoveProgress batches={batches} />
      </section>
    </div>
  );
}
