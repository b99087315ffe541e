import { recordEvent } from "../audit";
import { getProjectWithOwnerById, insertJob, listAllProjects, markProjectMoving, runInTransaction, type Job, type MoveTarget, type Project, type User } from "../db";
import { newId } from "../db/ids";
import { AppError, notFound } from "../errors";
import { getActiveBackend } from "../vcs";
import { describeBackend, isAlreadyAt } from "./move-ends";
import type { MoveRequest } from "./schema";
import { wakeMoveWorker } from "./worker";

/** Why a project cannot be moved to `target` now, or null when it can. */
function refusalOf(project: Project, target: MoveTarget, where: string): string | null {
  if (project.backend === "remote") return `${project.name} is linked to a registered repository, which stays where it is; only projects on Benchtop's git server or in an organization are moved.`;
  if (project.movingJobId) return `${project.name} is already being moved; wait for that move to finish.`;
  if (isAlreadyAt(project, target)) return `${project.name} is already on ${where}.`;
  return null;
}

/**
 * Queues a move of each project to Benchtop's git server or the external
 * backend in force (one batch, one job per project) and marks them read-only
 * at once; the worker takes them one at a time. With `all`, every project not
 * there yet; a named project that cannot go is refused (409) and nothing is queued.
 */
export function queueMoves({ actor, request }: { actor: User; request: MoveRequest }): { batchId: string; jobs: Job[] } {
  const { row } = getActiveBackend();
  const targetType = request.target ?? (row ? "external" : "internal");
  if (targetType === "external" && !row) {
    throw new AppError("conflict", "No external backend is in force, so there is nowhere outside to move projects to. Apply one on the Version control page first.");
  }
  const target: MoveTarget = targetType === "external" && row ? { type: "external", backendId: row.id } : { type: "internal" };
  const where = describeBackend(target.type === "external" ? row : null);

  let projects: Project[];
  if (request.all) {
    projects = listAllProjects().map(({ project }) => project).filter((project) => refusalOf(project, target, where) === null);
    if (projects.length === 0) throw new AppError("conflict", `Every project that can move is already on ${where} (or being moved); there is nothing to move.`);
  } else {
    projects = [...new Set(request.projectIds)].map((id) => {
      const project = getProjectWithOwnerById({ id })?.project;
      if (!project) throw notFound(`The project ${id}`);
      const refusal = refusalOf(project, target, where);
      if (refusal) throw new AppError("conflict", refusal);
      return project;
    });
  }

  const batchId = newId();
  const jobs = runInTransaction(() => {
    const queued = projects.map((project) => {
      const job = insertJob({ id: newId(), kind: "project.move", projectId: project.id, payload: { target, projectName: project.name }, batchId, requestedById: actor.id });
      if (!markProjectMoving({ id: project.id, jobId: job.id })) throw new AppError("conflict", `${project.name} is already being moved; wait for that move to finish.`);
      return job;
    });
    recordEvent({ action: "admin.projects_move_requested", actor, detail: { batchId, to: target.type === "external" ? { backend: "external", vcsBackendId: target.backendId } : { backend: "internal" }, projectIds: projects.map((p) => p.id) } });
    return queued;
  });
  wakeMoveWorker();
  return { batchId, jobs };
}
