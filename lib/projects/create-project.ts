import { deleteProjectRow, insertProject, projectNameTaken, runInTransaction, updateProjectRow, type Project, type User } from "../db";
import { recordEvent } from "../audit";
import { AppError, isAppError } from "../errors";
import { buildRepository, initRepository, removeRepository } from "../git-server";
import type { CreateProjectInput } from "./schema";

const nameTaken = (name: string, holder: Project["state"] | false = "ready") =>
  holder === "creating"
    ? new AppError("conflict", `A project named "${name}" is being created right now. Wait for it to appear in your projects, or choose another name.`, {
        fields: { name: "A project with this name is being created." },
      })
    : new AppError("conflict", `You already have a project named "${name}". Choose another name.`, {
        fields: { name: "You already have a project with this name." },
      });

/** What making a project's repository found out: its default branch when not `main`, and what its audit event should add. */
export type RepositoryOutcome = { defaultBranch?: string; detail?: Record<string, unknown> };

/** Fills a new project's repository in `dir` (out of sight until it is whole; see buildRepository). */
export type RepositoryInitializer = (context: { project: Project; dir: string }) => Promise<RepositoryOutcome | void>;

const readmeInitializer =
  (owner: User): RepositoryInitializer =>
  async ({ project, dir }) => {
    await initRepository({ dir, name: project.name, description: project.description, author: { name: owner.name, email: owner.email } });
  };

/**
 * Creates a project, all or nothing even across a crash: its record is written
 * first in the hidden "creating" state (which holds the name), its bare
 * repository is made out of sight and moved into place, and only then is the
 * record made ready, with its `project.created` event, in one transaction.
 * If the repository cannot be made, the record and anything written are
 * removed again and the initializer's error is passed on; if the server stops
 * half-way, start-up removes them (abandonUnfinishedProjects).
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
  let project: Project;
  try {
    project = insertProject({
      ownerId: owner.id,
      name: input.name,
      description: input.description,
      defaultBranch: "main",
      state: "creating",
      ...(link ? { backend: "remote" as const, repositoryId: link.repositoryId } : {}),
    });
  } catch (error) {
    // Two creations racing for one name: the unique index decides.
    if (String(error).includes("UNIQUE")) throw nameTaken(input.name);
    throw error;
  }
  try {
    const outcome = link ?? (await buildRepository({ projectId: project.id, build: (dir) => initialize({ project, dir }) })) ?? {};
    return runInTransaction(() => {
      const ready = updateProjectRow({ id: project.id, changes: { state: "ready", defaultBranch: outcome.defaultBranch ?? project.defaultBranch } })!;
      recordEvent({ action: "project.created", actor: owner, project: ready, detail: { name: ready.name, backend: ready.backend, ...outcome.detail } });
      return ready;
    });
  } catch (error) {
    deleteProjectRow({ id: project.id });
    await removeRepository({ projectId: project.id }).catch(() => {});
    if (isAppError(error)) throw error;
    throw new AppError("internal", "The project's repository could not be created. Try again; if it keeps failing, ask an administrator to check the server's disk.", { cause: error });
  }
}
