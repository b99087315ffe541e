import type { Project, Repository, User } from "../db";
import { AppError } from "../errors";
import { createProject, type CreateProjectInput } from "../projects";
import { adapterOf } from "./browse";

/**
 * Creates a project linked to a registered git repository (backend "remote"):
 * no copy is made; its sessions clone and push the remote through the git
 * gateway, and its clone URL is the remote's. The repository is read once first,
 * so a link is only made to a repository the credential can reach; the
 * project's default branch is the remote's.
 */
export async function linkRepositoryToProject({ repository, input, user }: { repository: Repository; input: CreateProjectInput; user: User }): Promise<Project> {
  const source = await adapterOf(repository);
  if (source.kind !== "git") {
    throw new AppError("invalid_input", "A bucket has no git history to link a project to. Create an empty project and use Import into project.", {
      fields: { repositoryId: "Choose a git repository." },
    });
  }
  const remote = await source.adapter.getRepo();
  return createProject({
    input,
    owner: user,
    link: { repositoryId: repository.id, defaultBranch: remote.defaultBranch, detail: { linkedTo: repository.location, repositoryId: repository.id } },
  });
}
