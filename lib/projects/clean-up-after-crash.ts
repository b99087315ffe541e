import { recordEvent } from "../audit";
import { deleteProjectRow, getProjectWithOwnerById, getVcsBackendRow, listCreatingProjects, runInTransaction } from "../db";
import { removePushLeftovers, removeRepository, removeStagedRepositories } from "../git-server";
import { removeLfsCopyWorkArea, removeUnreferencedObjects } from "../lfs-objects";
import { removeCreatedRepository } from "./create-external-repository";

const ABANDONED_REASON = "The server stopped before the project's repository was complete. What had been made was removed; the name is free to use again.";

/**
 * Removes, at start, what a server stopped half-way (a crash, SIGKILL) left
 * behind, each with an audit event saying so: projects still "creating" with
 * their partial repositories, a copy's Git LFS downloads and the objects only
 * they held (`project.creation_abandoned`), repositories being made out of
 * sight, and the quarantine folders and ref locks of interrupted pushes
 * (`git.push_leftovers_removed`). Runs before any request
 * is served, so nothing it removes belongs to work still going on. A
 * repository a cut-off creation may have made at an organization's host is
 * removed there in the background (start-up does not wait for a host), or
 * listed for an administrator when the host will not.
 */
export async function cleanUpAfterCrash({ startedAt }: { startedAt: Date }): Promise<void> {
  const abandoned = listCreatingProjects();
  for (const { project, owner } of abandoned) {
    await removeRepository({ projectId: project.id });
    removeLfsCopyWorkArea(project.id);
    const backend = project.vcsBackendId ? getVcsBackendRow({ id: project.vcsBackendId }) : undefined;
    if (backend && project.remoteName && project.remoteLocation) void removeCreatedRepository({ project, backend, name: project.remoteName });
    runInTransaction(() => {
      deleteProjectRow({ id: project.id });
      recordEvent({
        action: "project.creation_abandoned",
        actor: null,
        project,
        detail: { name: project.name, backend: project.backend, owner: { id: owner.id, email: owner.email }, reason: ABANDONED_REASON },
      });
    });
    console.log(`Benchtop: removed the project "${project.name}" of ${owner.email}, whose creation was cut off.`);
  }
  // The Git LFS objects a cut-off copy had fetched went with its references.
  if (abandoned.length) removeUnreferencedObjects();
  await removeStagedRepositories();
  for (const leftovers of await removePushLeftovers({ before: startedAt })) {
    const project = getProjectWithOwnerById({ id: leftovers.projectId })?.project ?? { id: leftovers.projectId, name: "" };
    recordEvent({
      action: "git.push_leftovers_removed",
      actor: null,
      project,
      detail: { paths: leftovers.paths, bytes: leftovers.bytes, reason: "A push was cut off before git finished it; the data it had received was never part of the repository." },
    });
    console.log(`Benchtop: removed ${leftovers.paths.length} leftovers of interrupted pushes (${leftovers.bytes} bytes) from project ${project.name || leftovers.projectId}.`);
  }
}
