import { deleteProjectRow, insertProject, projectNameTaken, type Project, type User } from "../db";
import { recordEvent } from "../audit";
import { AppError } from "../errors";
import { initRepository, removeRepository } from "../git-server";
import type { CreateProjectInput } from "./schema";

const nameTaken = (name: string) =>
  new AppError("conflict", `You already have a project named "${name}". Choose another name.`, {
    fields: { name: "You already have a project with this name." },
  });

/**
 * Creates a project on the internal git server: its record, then its bare
 * repository with a first commit holding README.md. If the repository cannot
 * be made, the record is removed again so nothing half-made remains.
 */
export async function createProject({ input, owner }: { input: CreateProjectInput; owner: User }): Promise<Project> {
  if (projectNameTaken({ ownerId: owner.id, name: input.name })) throw nameTaken(input.name);
  let project: Project;
  try {
    project = insertProject({ ownerId: owner.id, name: input.name, description: input.description, defaultBranch: "main" });
  } catch (error) {
    // Two creations racing for one name: the unique index decides.
    if (String(error).includes("UNIQUE")) throw nameTaken(input.name);
    throw error;
  }
  try {
    await initRepository({ projectId: project.id, name: project.name, description: project.description, author: { name: owner.name, email: owner.email } });
  } catch (error) {
    deleteProjectRow({ id: project.id });
    await removeRepository({ projectId: project.id }).catch(() => {});
    throw new AppError("internal", "The project's repository could not be created. Try again; if it keeps failing, ask an administrator to check the server's disk.", { cause: error });
  }
  recordEvent({ action: "project.created", actor: owner, project, detail: { name: project.name, backend: project.backend } });
  return project;
}
