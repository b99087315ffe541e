import type { Project, Repository, User } from "../db";
import { AppError } from "../errors";
import { createBareRepository, fetchIntoRepository } from "../git-server";
import { HostError } from "../hosts";
import { createProject, failureReason, isOperationFailure, notifyFailure, type CreateProjectInput } from "../projects";
import { adapterOf } from "./browse";
import { checkCloneHost } from "./check-clone-host";

/**
 * Creates a project on the internal git server holding a copy of a registered
 * repository with its whole history (every branch and tag); the project's
 * default branch is the remote's. The project appears only once the copy is
 * whole (createProject). A copy that fails leaves no project, and the user is
 * notified of it (notifyFailure), unless the request itself was refused (a
 * taken name, a bucket).
 */
export async function copyRepositoryToProject({ repository, input, user }: { repository: Repository; input: CreateProjectInput; user: User }): Promise<Project> {
  try {
    return await copyInto({ repository, input, user });
  } catch (error) {
    // Nothing of the project is left; the user is told (a notification, and the admin audit) besides the answer.
    if (isOperationFailure(error)) notifyFailure({ user, operation: "copy", message: `Benchtop could not copy ${repository.name}: ${failureReason(error)}`, projectName: input.name });
    throw error;
  }
}

async function copyInto({ repository, input, user }: { repository: Repository; input: CreateProjectInput; user: User }): Promise<Project> {
  const source = await adapterOf(repository);
  if (source.kind !== "git") {
    throw new AppError("invalid_input", "A bucket has no history to copy. Create an empty project and use Import into project.", { fields: { repositoryId: "Choose a git repository." } });
  }
  const remote = await source.adapter.getRepo();
  const url = new URL(source.adapter.gitRemoteUrl());
  await checkCloneHost(url);
  return createProject({
    input,
    owner: user,
    initialize: async ({ dir }) => {
      // HEAD names the remote's default branch from the start; the fetch brings every branch and tag.
      await createBareRepository({ dir, branch: remote.defaultBranch });
      try {
        await fetchIntoRepository({ dir, url: url.toString(), authHeader: source.adapter.gitAuthHeader() });
      } catch (error) {
        // git's own words stay in the server log; the person gets what to do.
        console.error(`Copying ${remote.fullName} into a project failed:`, (error as Error).message);
        throw new HostError("upstream", `Copying ${remote.fullName} failed: the host refused or broke off the transfer. Check that the token can read the repository, then try again.`, { cause: error });
      }
      return { defaultBranch: remote.defaultBranch, detail: { source: repository.location, repositoryId: repository.id } };
    },
  });
}
