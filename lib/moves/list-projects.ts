import { getVcsBackendRow, listAllProjects, type VcsBackendRow } from "../db";
import { describeBackend } from "./move-ends";

/** A project as the moves page lists it: where its repository lives, and whether a move holds it. */
export type ProjectPlace = {
  id: string;
  name: string;
  ownerHandle: string;
  backend: "internal" | "external" | "remote";
  /** Benchtop's git server, the organization's backend (name and organization), or the linked repository. */
  where: string;
  /** The backend row of an external project (to tell the one in force from an earlier one). */
  vcsBackendId: string | null;
  moving: boolean;
};

/** Every project with where its repository lives, by owner and name. */
export function listProjectPlaces(): ProjectPlace[] {
  const rows = new Map<string, VcsBackendRow | null>();
  const rowOf = (id: string) => (rows.has(id) ? rows.get(id)! : rows.set(id, getVcsBackendRow({ id }) ?? null).get(id)!);
  return listAllProjects().map(({ project, owner }) => ({
    id: project.id,
    name: project.name,
    ownerHandle: owner.handle,
    backend: project.backend,
    where: project.backend === "remote" ? "a linked repository" : project.backend === "external" && project.vcsBackendId ? describeBackend(rowOf(project.vcsBackendId)) : describeBackend(null),
    vcsBackendId: project.vcsBackendId,
    moving: project.movingJobId !== null,
  }));
}
