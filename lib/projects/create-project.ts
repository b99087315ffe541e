import { deleteProjectRow, insertProject, projectNameTaken, runInTransaction, updateProjectRow, type Project, type User, type VcsBackendRow } from "../db";
import { recordEvent } from "../audit";
import { AppError, isAppError } from "../errors";
import { buildRepository, initRepository, removeRepository } from "../git-server";
import { removeUnreferencedObjects } from "../lfs-objects";
import { getActiveBackend } from "../vcs";
import { createExternalRepository, organizationRepositoryName, requireHostConnection } from "./create-external-repository";
import type { RepositoryInitializer, RepositoryOutcome } from "./repository-initializer";
import type { CreateProjectInput } from "./schema";

export type { RepositoryInitializer, RepositoryOutcome } from "./repository-initializer";

const nameTaken = (name: string, holder: Project["state"] | false = "ready") =>
  holder === "creating"
    ? new AppError("conflict", `A project named "${name}" is being created right now. Wait for it to appear in your projects, or choose another name.`, {
        fields: { name: "A project with this name is being created." },
      })
    : new AppError("conflict", `You already have a project named "${name}". Choose another name.`, {
        fields: { name: "You already have a project with this name." },
      });

const readmeInitializer =
  (owner: User): RepositoryInitializer =>
  async ({ project, dir }) => {
    await initRepository({ dir, name: project.name, description: project.description, author: { name: owner.name, email: owner.email } });
  };

/**
 * Creates a project, all or nothing even across a crash: its record is written
 * first in the hidden "creating" state (which holds the name), its repository
 * is made (on Benchtop's git server out of sight and moved into place; with an
 * external backend in force, in the organization at its host: see
 * createExternalRepository), and only then is the record made ready, with its
 * `project.created` event, in one transaction. If the repository cannot be
 * made, the record and anything written are removed again and the error is
 * passed on; if the server stops half-way, start-up removes them
 * (cleanUpAfterCrash).
 */
export async function createProject({
  input,
  owner,
  initialize = readmeInitializer(owner),
  link,
}: {
  input: CreateProjectInput;
  owner: User;
  initialize?: RepositoryInitializer;
  /** Backs the project by this registered repository itself (backend "remote"): nothing is created on the internal git server. */
  link?: RepositoryOutcome & { repositoryId: string };
}): Promise<Project> {
  const holder = projectNameTaken({ ownerId: owner.id, name: input.name });
  if (holder) throw nameTaken(input.name, holder);
  // Read once: a backend applied meanwhile takes effect for the next project.
  const external: VcsBackendRow | null = link ? null : getActiveBackend().row;
  if (external) requireHostConnection({ user: owner, backend: external });
  let project: Project;
  try {
    project = insertProject({
      ownerId: owner.id,
      name: input.name,
      description: input.description,
      defaultBranch: "main",
      state: "creating",
      ...(link ? { backend: "remote" as const, repositoryId: link.repositoryId } : {}),
      ...(external ? { backend: "external" as const, vcsBackendId: external.id } : {}),
    });
  } catch (error) {
    // Two creations racing for one name: the unique index decides.
    if (String(error).includes("UNIQUE")) throw nameTaken(input.name);
    throw error;
  }
  try {
    let remote: { remoteName: string; remoteLocation: string } | null = null;
    let outcome: RepositoryOutcome;
    if (link) outcome = link;
    else if (external) {
      const remoteName = organizationRepositoryName({ backend: external, project, owner });
      // Named before anything is made at the host, so that start-up can find and remove it after a crash.
      updateProjectRow({ id: project.id, changes: { remoteName } });
      const made = await createExternalRepository({ project, owner, backend: external, name: remoteName, initialize });
      remote = { remoteName, remoteLocation: made.remoteLocation };
      outcome = made;
    } else outcome = (await buildRepository({ projectId: project.id, build: (dir) => initialize({ project, dir }) })) ?? {};
    return runInTransaction(() => {
      const ready = updateProjectRow({ id: project.id, changes: { state: "ready", defaultBranch: outcome.defaultBranch ?? project.defaultBranch, ...remote } })!;
      recordEvent({ action: "project.created", actor: owner, project: ready, detail: { name: ready.name, backend: ready.backend, ...outcome.detail } });
      return ready;
    });
  } catch (error) {
    deleteProjectRow({ id: project.id });
    // A copy's Git LFS objects went with the row's references; those no other project holds go now.
    removeUnreferencedObjects();
    await removeRepository({ projectId: project.id }).catch(() => {});
    if (isAppError(error)) throw error;
    throw new AppError("internal", "The project's repository could not be created. Try again; if it keeps failing, ask an administrator to check the server's disk.", { cause: error });
  }
}
