import { getRepositoryById, listLinkedProjectsOfMember, type Collaborator, type Project, type Repository, type User } from "../db";
import { AppError } from "../errors";

/** The registered repository a linked project (backend "remote") works on; refuses clearly when it is gone. */
export function linkedRepositoryOf(project: Pick<Project, "name" | "backend" | "repositoryId">): Repository {
  const repository = project.backend === "remote" && project.repositoryId ? getRepositoryById({ id: project.repositoryId }) : undefined;
  if (!repository) {
    throw new AppError("not_found", `${project.name} is linked to a repository that is no longer registered. Ask the project's owner to delete the project, or register the repository again and link a new project.`);
  }
  return repository;
}

/** The linked projects a user may reach (as owner, collaborator or administrator), each with its repository and the user's collaborator role. */
export function listReachableLinkedProjects({ user }: { user: Pick<User, "id" | "role"> }): { project: Project; repository: Repository; collaboratorRole: Collaborator["role"] | null }[] {
  return listLinkedProjectsOfMember({ user });
}
