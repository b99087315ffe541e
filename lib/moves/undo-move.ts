import fs from "node:fs/promises";
import path from "node:path";
import { getReposDir } from "../config/env";
import { clearProjectMoving, getProjectWithOwnerById, getVcsBackendRow, insertRetiredRepository, type Job, type JobPayload } from "../db";
import { removeRepository, restoreRetiredRepository, retiredRepositoryName } from "../git-server";
import { moveStagingPath } from "./move-project";
import { serviceAccountOf } from "./service-account";

/** Removes the repository this move created at the host (never one it found there); when the host refuses, it is listed for the admin to remove. */
async function removeCreatedRepository({ job, payload, projectName }: { job: Job; payload: JobPayload; projectName: string }): Promise<void> {
  const name = payload.createdRepository;
  const row = payload.target.type === "external" ? getVcsBackendRow({ id: payload.target.backendId }) : undefined;
  if (!name || !row) return;
  try {
    await serviceAccountOf(row).host.deleteRepository({ name });
  } catch (error) {
    insertRetiredRepository({ projectId: job.projectId, projectName, location: "external", path: name, vcsBackendId: row.id, reason: "delete_failed", message: (error as Error).message });
  }
}

/**
 * Puts everything back after a move failed before its switch: the project's
 * own repository at its path again, no half copy left here or at the host, and
 * the project writable. A move that switched is never undone.
 */
export async function undoMove({ job, payload }: { job: Job; payload: JobPayload }): Promise<void> {
  if (payload.switched) return;
  const project = getProjectWithOwnerById({ id: job.projectId })?.project;
  const retiredName = retiredRepositoryName({ projectId: job.projectId, moveId: job.id });
  if (project) {
    await restoreRetiredRepository({ projectId: job.projectId, retiredName });
    // A copy put in place for a project that never switched to this server serves nothing: it goes.
    if (payload.target.type === "internal" && project.backend !== "internal") await removeRepository({ projectId: job.projectId });
  } else {
    // Deleted while it was being moved: nothing of it is kept.
    await fs.rm(path.join(getReposDir(), retiredName), { recursive: true, force: true });
  }
  await fs.rm(moveStagingPath(job.id), { recursive: true, force: true });
  await removeCreatedRepository({ job, payload, projectName: project?.name ?? payload.projectName });
  clearProjectMoving({ id: job.projectId, jobId: job.id });
}
