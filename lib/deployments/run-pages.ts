import { findActiveRun, listRunsOfProject, type RunStatus } from "../db";
import type { ProjectAccess } from "../projects";
import { toRunView, type RunView } from "./run-view";

/**
 * One page of a project's runs, newest first, and the number of the next page
 * when there is one (asked for one more run than shown): the Runs page's pager.
 */
export function listRunPage({ access, status, deploymentId, page, perPage }: { access: ProjectAccess; status?: RunStatus; deploymentId?: string; page: number; perPage: number }): { runs: RunView[]; nextPage: number | null } {
  const rows = listRunsOfProject({ projectId: access.project.id, status, deploymentId, limit: perPage + 1, offset: (page - 1) * perPage });
  return { runs: rows.slice(0, perPage).map(toRunView), nextPage: rows.length > perPage ? page + 1 : null };
}

/** The deployment's run that is queued or running now, if any (there is at most one): what its page shows as under way. */
export function findActiveRunView({ deploymentId }: { deploymentId: string }): RunView | null {
  const run = findActiveRun({ deploymentId });
  return run ? toRunView(run) : null;
}
