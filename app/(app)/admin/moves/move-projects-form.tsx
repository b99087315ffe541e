"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/app/components/form-message";
import { SubmitButton } from "@/app/components/submit-button";
import type { ActionState } from "@/lib/http/action-state";
import type { ProjectPlace } from "@/lib/moves";
import { queueMovesAction } from "./actions";

const BACKEND_WORDS = { internal: "Benchtop", external: "Organization", remote: "Linked" } as const;

/** The projects with where each lives; choose some (or all) and where to move them. */
export function MoveProjectsForm({ projects, externalName, externalId }: { projects: ProjectPlace[]; externalName: string | null; externalId: string | null }) {
  const [state, action] = useActionState<ActionState, FormData>(queueMovesAction, { status: "idle" });
  const [all, setAll] = useState(false);
  if (projects.length === 0) return <p className="mt-2 text-sm text-slate-600">There are no projects yet.</p>;
  return (
    <form action={action} className="mt-3 space-y-3">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="all" checked={all} onChange={(event) => setAll(event.target.checked)} />
        All projects (those already at the chosen place stay where they are)
      </label>
      <table className="w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr>
            <th className="w-8 py-1">
              <span className="sr-only">Move</span>
            </th>
            <th className="py-1">Project</th>
            <th className="py-1">Repository lives on</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((project) => {
            const movable = project.backend !== "remote" && !project.moving;
            const earlier = project.backend === "external" && project.vcsBackendId !== externalId;
            return (
              <tr key={project.id} className="border-t border-slate-100">
                <td className="py-1.5">
                  <input type="checkbox" name="projectId" value={project.id} disabled={all || !movable} aria-label={`Move ${project.ownerHandle}/${project.name}`} />
                </td>
                <td className="py-1.5">
                  {project.ownerHandle}/{project.name}
                </td>
                <td className="py-1.5 text-slate-700">
                  <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">{BACKEND_WORDS[project.backend]}</span>
                  {project.where}
                  {earlier && " (an earlier backend)"}
                  {project.moving && <span className="ml-2 text-amber-700">being moved</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="flex flex-wrap gap-2">
        {externalName && (
          <SubmitButton name="target" value="external">
            Move to {externalName}
          </SubmitButton>
        )}
        <SubmitButton name="target" value="internal" variant="plain">
          Move to Benchtop&apos;s git server
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
