import fs from "node:fs/promises";
import { recordEvent } from "../audit";
import { clearCollaboratorHostAccounts, getProjectWithOwnerById, getUserById, insertRetiredRepository, runInTransaction, switchMovingProject, type Project } from "../db";
import { locateRepository, placeRepository, retiredRepositoryName, retireRepository, stagingPath } from "../git-server";
import { copyFromHost } from "./copy-from-host";
import { copyToHost } from "./copy-to-host";
import { describeRefs, type RefMap } from "./git-remote";
import { grantMembers } from "./grant-members";
import { backendFields, describeBackend, destinationOf, isAlreadyAt, sourceOf, type MoveDestination, type MoveSource } from "./move-ends";
import { moveFailure, type MoveContext } from "./move-context";

/** The folder a move makes a repository in out of sight (a copy from a host). */
export const moveStagingPath = (jobId: string) => stagingPath({ name: `move-${jobId}.git` });

/** One side of a move, for the audit event. */
const sideOf = (end: MoveSource | MoveDestination, repository: string | undefined) =>
  end.type === "internal" ? { backend: "internal" } : { backend: "external", vcsBackendId: end.account.row.id, repository };

const rowOf = (end: MoveDestination) => (end.type === "internal" ? null : end.account.row);

/** Copies the repository wherever it goes, and answers the folder it ends in here (internal side) with the refs that moved. */
async function copy({ context, project, owner, source, destination }: { context: MoveContext; project: Project; owner: { handle: string }; source: MoveSource; destination: MoveDestination }) {
  const retiredName = retiredRepositoryName({ projectId: project.id, moveId: context.job.id });
  let dir: string;
  let refs: RefMap | undefined;
  if (source.type === "internal") {
    // Resumed after the folder was retired but before the switch: it is read from there.
    const found = await locateRepository({ projectId: project.id, retiredName });
    if (!found) throw moveFailure(`The repository of ${project.name} is missing from Benchtop's git server, so there is nothing to move. Check the server's data folder.`);
    dir = found;
  } else {
    dir = moveStagingPath(context.job.id);
    refs = await copyFromHost({ context, remote: source.remote, fullName: source.fullName, dir, defaultBranch: project.defaultBranch });
  }
  // Into this server: the source is a host (a move from here to here never starts), so its refs were read.
  if (destination.type === "internal") return { dir, refs: refs!, retiredName, repository: undefined };
  const copied = await copyToHost({ context, account: destination.account, project, owner, dir });
  return { dir, refs: copied.refs, retiredName, repository: { name: copied.name, webUrl: copied.repository.webUrl, fullName: copied.repository.fullName } };
}

/**
 * Moves one project's repository to the job's target: copy every branch and tag
 * with the real git client, compare both sides, then switch the project over in
 * one transaction that also keeps the old repository on record and audits the
 * move. Every step may run again after a restart. Answers the report of what moved.
 */
export async function moveProject(context: MoveContext): Promise<string> {
  const { job } = context;
  await context.step("preparing");
  const found = getProjectWithOwnerById({ id: job.projectId });
  if (!found) throw moveFailure("The project was deleted before it was moved.");
  const { project, owner } = found;
  const destination = destinationOf(job.payload.target);
  if (context.payload.switched) return afterSwitch({ context, project, destination });
  if (project.movingJobId !== job.id) throw moveFailure(`Another move holds ${project.name}; wait for it to finish.`);
  if (isAlreadyAt(project, job.payload.target)) throw moveFailure(`${project.name} is already on ${describeBackend(rowOf(destination))}.`);

  const source = sourceOf(project);
  const { dir, refs, retiredName, repository } = await copy({ context, project, owner, source, destination });

  await context.step("switching");
  if (source.type === "internal") await retireRepository({ projectId: project.id, retiredName });
  if (destination.type === "internal") await placeRepository({ projectId: project.id, dir });
  const where = repository ? `${repository.fullName} (${describeBackend(rowOf(destination))})` : describeBackend(null);
  const report = `Moved ${describeRefs(refs)} to ${where}.`;
  const requester = job.requestedById ? (getUserById({ id: job.requestedById }) ?? null) : null;
  const switched = runInTransaction(() => {
    const row = switchMovingProject({ id: project.id, jobId: job.id, from: project, changes: backendFields(destination, repository) });
    if (!row) throw moveFailure(`${project.name} changed while it was being moved (deleted, or moved by someone else), so it was not switched.`);
    // Access at the old host does not reach the new repository: granted again after the switch.
    clearCollaboratorHostAccounts({ projectId: project.id });
    insertRetiredRepository(
      source.type === "internal"
        ? { projectId: project.id, projectName: project.name, location: "internal", path: retiredName, reason: "moved" }
        : { projectId: project.id, projectName: project.name, location: "external", path: source.name, vcsBackendId: source.account.row.id, reason: "moved" },
    );
    recordEvent({ action: "project.moved", actor: requester, project: row, detail: { from: sideOf(source, source.type === "external" ? source.name : undefined), to: sideOf(destination, repository?.name), refs: Object.fromEntries(refs), jobId: job.id } });
    context.save({ switched: true, report });
    return row;
  });
  return afterSwitch({ context, project: switched, destination });
}

/** What follows the switch, safe to repeat: members get access at the host; a copy made here for another host goes. */
async function afterSwitch({ context, project, destination }: { context: MoveContext; project: Project; destination: MoveDestination }): Promise<string> {
  const report = context.payload.report ?? "Moved.";
  await fs.rm(moveStagingPath(context.job.id), { recursive: true, force: true });
  if (destination.type === "internal") return report;
  await context.step("granting");
  return `${report} ${await grantMembers({ project })}`;
}
