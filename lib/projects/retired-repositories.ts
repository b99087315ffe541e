import { deleteRetiredRepository, getRetiredRepository, getVcsBackendRow, listRetiredRepositories, setRetiredRepositoryMessage, type RetiredRepository, type User } from "../db";
import { recordEvent } from "../audit";
import { AppError, notFound } from "../errors";
import { removeKeptFolder } from "../git-server";
import { isHostError } from "../hosts";
import { refusedAtHost } from "./host-refusal";
import { removeHostRepository } from "./remove-host-repository";

/**
 * A repository kept until an administrator removes it: an old copy on
 * Benchtop's disk after a move ("internal"), or a deleted project's repository
 * the host could not delete or archive ("external"). `removal` is what Remove
 * does with it.
 */
export type RetiredRepositoryView = {
  id: string;
  projectId: string;
  projectName: string;
  location: RetiredRepository["location"];
  path: string;
  host: string | null;
  backendName: string | null;
  reason: RetiredRepository["reason"];
  message: string | null;
  removal: "delete_folder" | "delete" | "archive";
  createdAt: string;
};

const backendOfRow = (row: RetiredRepository) => (row.location === "external" && row.vcsBackendId ? getVcsBackendRow({ id: row.vcsBackendId }) : undefined);

function toView(row: RetiredRepository): RetiredRepositoryView {
  const backend = backendOfRow(row);
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: row.projectName,
    location: row.location,
    path: row.path,
    host: backend?.credentialHostname ?? null,
    backendName: backend ? `${backend.name} (${backend.organization})` : null,
    reason: row.reason,
    message: row.message,
    removal: row.location === "internal" ? "delete_folder" : (backend?.onDelete ?? "delete"),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Every repository still to be removed, newest first (admin; the caller checks the role). */
export function listRetiredRepositoryViews(): RetiredRepositoryView[] {
  return listRetiredRepositories().map(toView);
}

/**
 * Removes a kept repository for good (admin): the folder on Benchtop's disk, or
 * the repository at the host, deleted or archived as its backend says (one the
 * host no longer has counts as removed). When the host refuses or cannot be
 * reached, the row stays with the reason, and the error says what to do.
 */
export async function removeRetiredRepository({ id, actor }: { id: string; actor: User }): Promise<RetiredRepositoryView> {
  const row = getRetiredRepository({ id });
  if (!row) throw notFound("That repository to remove");
  const view = toView(row);
  if (row.location === "internal") {
    await removeKeptFolder({ name: row.path });
  } else {
    const backend = backendOfRow(row);
    if (!backend) throw new AppError("internal", `The backend that holds ${row.path} is no longer known to Benchtop. Remove the repository at its host by hand.`);
    try {
      await removeHostRepository({ backend, name: row.path });
    } catch (error) {
      // The row keeps the host's reason; the answer adds what to do.
      if (isHostError(error)) setRetiredRepositoryMessage({ id, message: error.message });
      throw refusedAtHost({
        error,
        what: `${row.path} at ${backend.credentialHostname} was not removed`,
        host: backend.credentialHostname,
        outcome: "It stays on this list.",
        ifRefused: "check the service account and the organization on the Version control page, or remove the repository at the host by hand and then here",
      });
    }
  }
  deleteRetiredRepository({ id });
  recordEvent({ action: "admin.retired_repository_removed", actor, detail: { id, projectId: row.projectId, projectName: row.projectName, location: row.location, path: row.path, host: view.host, removal: view.removal } });
  return view;
}
