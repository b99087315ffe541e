import { getVcsBackendRow, type MoveTarget, type Project, type VcsBackendRow } from "../db";
import { gitUrlOfLocation } from "../hosts";
import { gitProviderOfBackend } from "../vcs";
import type { GitRemote } from "./git-remote";
import { moveFailure } from "./move-context";
import { serviceAccountOf, type ServiceAccount } from "./service-account";

/** Where a project's repository is now, as a move reads it. */
export type MoveSource =
  | { type: "internal" }
  | { type: "external"; account: ServiceAccount; name: string; fullName: string; location: string; remote: GitRemote };

/** The side a move ends on, with the backend opened for an external one. */
export type MoveDestination = { type: "internal" } | { type: "external"; account: ServiceAccount };

const backendRow = (id: string | null): VcsBackendRow => {
  const row = id ? getVcsBackendRow({ id }) : undefined;
  if (!row) throw moveFailure("The project's external backend is no longer recorded, so its repository cannot be read. Check the project in the admin console.");
  return row;
};

/** Words for a backend on pages and in messages. */
export const describeBackend = (row: VcsBackendRow | null): string => (row ? `${row.name} (${row.organization})` : "Benchtop's git server");

export function sourceOf(project: Project): MoveSource {
  if (project.backend === "internal") return { type: "internal" };
  if (project.backend !== "external" || !project.remoteName || !project.remoteLocation) {
    throw moveFailure(`${project.name} is linked to a registered repository, which stays where it is; only projects on Benchtop's git server or in an organization are moved.`);
  }
  const row = backendRow(project.vcsBackendId);
  const account = serviceAccountOf(row);
  const gitUrl = gitUrlOfLocation({ provider: gitProviderOfBackend(row), location: project.remoteLocation });
  if (!gitUrl) throw moveFailure(`The address recorded for ${project.name}'s repository (${project.remoteLocation}) cannot be read. Check the project in the admin console.`);
  return { type: "external", account, name: project.remoteName, fullName: `${row.organization}/${project.remoteName}`, location: project.remoteLocation, remote: account.remoteOf({ gitUrl, webUrl: project.remoteLocation }) };
}

export function destinationOf(target: MoveTarget): MoveDestination {
  return target.type === "internal" ? target : { type: "external", account: serviceAccountOf(backendRow(target.backendId)) };
}

/** Whether the project's repository already lives where the move would take it. */
export function isAlreadyAt(project: Pick<Project, "backend" | "vcsBackendId">, target: MoveTarget): boolean {
  return target.type === "internal" ? project.backend === "internal" : project.backend === "external" && project.vcsBackendId === target.backendId;
}

/** The project's backend fields once it lives at the destination. */
export function backendFields(destination: MoveDestination, repository?: { name: string; webUrl: string }): Pick<Project, "backend" | "vcsBackendId" | "remoteName" | "remoteLocation"> {
  if (destination.type === "internal" || !repository) return { backend: "internal", vcsBackendId: null, remoteName: null, remoteLocation: null };
  return { backend: "external", vcsBackendId: destination.account.row.id, remoteName: repository.name, remoteLocation: repository.webUrl };
}
