import { deleteProjectRow, insertProject, projectNameTaken, updateProjectRow, type Project, type User } from "../db";
import { recordEvent } from "../audit";
import { AppError, isAppError } from "../errors";
import { initRepository, removeRepository } from "../git-server";
import type { CreateProjectInput } from "./schema";

const nameTaken = (name: string) =>
  new AppError("conflict", `You already have a project named "${name}". Choose another name.`, {
    fields: { name: "You already have a project with this name." },
  });

/** Fills a new project's repository; answers the default branch when it is not `main`. */
export type RepositoryInitializer = (project: Project) => Promise<{ defaultBranch?: string; detail?: Record<string, unknown> } | void>;

const readmeInitializer =
  (owner: User): RepositoryInitializer =>
  async (project) => {
    await initRepository({ projectId: project.id, name: project.name, description: project.description, author: { name: owner.name, email: owner.email } });
  };

/**
 * Creates a project on the internal git server: its record, then its bare
 * repository, by default with a first commit holding README.md. If the
 * repository cannot be made, the record and anything written are removed again
 * so nothing half-made remains, and the initializer's error is passed on.
 */
export async function createProject({
  input,
  owner,
  initialize = readmeInitializer(owner),
  linkedRepositoryId,
}: {
  input: CreateProjectInput;
  owner: User;
  initialize?: RepositoryInitializer;
  /** Backs the project by this registered repository itself (backend "remote"): nothing is created on the internal git server. */
  linkedRepositoryId?: string;
}): Promise<Project> {
  if (projectNameTaken({ ownerId: owner.id, name: input.name })) throw nameTaken(input.name);
  let project: Project;
  try {
    project = insertProject({
      ownerId: owner.id,
      name: input.name,
      description: input.description,
      defaultBranch: "main",
      ...(linkedRepositoryId ? { backend: "remote" as const, repositoryId: linkedRepositoryId } : {}),
    });
  } catch (error) {
    // Two creations racing for one name: the unique index decides.
    if (String(error).includes("UNIQUE")) throw nameTaken(input.name);
    throw error;
  }
  let detail: Record<string, unknown> = {};
  try {
    const result = await initialize(project);
    if (result?.defaultBranch && result.defaultBranch !== project.defaultBranch) {
      project = updateProjectRow({ id: project.id, changes: { defaultBranch: result.defaultBranch } }) ?? project;
    }
    detail = result?.detail ?? {};
  } catch (error) {
    deleteProjectRow({ id: project.id });
    await removeRepository({ projectId: project.id }).catch(() => {});
    if (isAppError(error)) throw error;
    throw new AppError("internal", "The project's repository could not be created. Try again; if it keeps failing, ask an administrator to check the server's disk.", { cause: error });
  }
  recordEvent({ action: "project.created", actor: owner, project, detail: { name: project.name, backend: project.backend, ...detail } });
  return project;
}
