import type { Project, Repository, User } from "../db";
import { AppError } from "../errors";
import { createBareRepository, fetchIntoRepository } from "../git-server";
import { HostError } from "../hosts";
import { createProject, failureReason, isOperationFailure, notifyFailure, type CreateProjectInput } from "../projects";
import { checkCloneHost } from "./check-clone-host";
import { copyLfsObjectsOf } from "./copy-lfs-objects";
import { repositoryCredentialFor } from "./credential-for";
import { gitAdapterFor } from "./git-adapter-for";

/**
 * Creates a project on the internal git server holding a copy of a registered
 * repository with its whole history (every branch and tag) and the Git LFS
 * files of that history (copyLfsObjectsOf, with the copier's credential); the
 * project's default branch is the remote's. The project appears only once the copy is
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
  const { provider } = repository;
  if (provider === "s3") {
    throw new AppError("invalid_input", "A bucket has no history to copy. Create an empty project and use Import into project.", { fields: { repositoryId: "Choose a git repository." } });
  }
  // The copier's own credential (the repository's token, else their connection), for git and Git LFS alike.
  const credential = await repositoryCredentialFor({ actor: user, repository });
  const adapter = gitAdapterFor({ provider, location: repository.location, credential });
  const remote = await adapter.getRepo();
  const url = new URL(adapter.gitRemoteUrl());
  await checkCloneHost(url);
  const authHeader = adapter.gitAuthHeader();
  return createProject({
    input,
    owner: user,
    initialize: async ({ project, dir }) => {
      // HEAD names the remote's default branch from the start; the fetch brings every branch and tag.
      await createBareRepository({ dir, branch: remote.defaultBranch });
      try {
        await fetchIntoRepository({ dir, url: url.toString(), authHeader });
      } catch (error) {
        // git's own words stay in the server log; the person gets what to do.
        console.error(`Copying ${remote.fullName} into a project failed:`, (error as Error).message);
        throw new HostError("upstream", `Copying ${remote.fullName} failed: the host refused or broke off the transfer. Check that the token can read the repository, then try again.`, { cause: error });
      }
      // Then the Git LFS files of that history, from the host's LFS API into Benchtop's store.
      const lfs = await copyLfsObjectsOf({ project, dir, source: { name: remote.fullName, provider, gitUrl: url.toString(), authHeader, credential } });
      return { defaultBranch: remote.defaultBranch, detail: { source: repository.location, repositoryId: repository.id, ...lfs } };
    },
  });
}
