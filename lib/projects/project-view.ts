import { getRepositoryById, type Project, type ProjectRole, type User } from "../db";
import { gitUrlOfLocation } from "../hosts/git-url";

export type ProjectView = {
  id: string;
  name: string;
  description: string;
  owner: { id: string; email: string; handle: string };
  role: ProjectRole;
  backend: Project["backend"];
  cloneUrl: string;
  defaultBranch: string;
  lastPushAt: string | null;
  failed: { operation: string; message: string; at: string } | null;
  createdAt: string;
};

/**
 * What `git clone` takes: the internal git server's URL, or for a project
 * linked to a remote repository the remote's own URL (empty when the
 * repository was removed meanwhile).
 */
export function cloneUrlOf({ origin, owner, project }: { origin: string; owner: Pick<User, "handle">; project: Pick<Project, "name" | "backend" | "repositoryId"> }): string {
  if (project.backend === "remote") {
    const repository = project.repositoryId ? getRepositoryById({ id: project.repositoryId }) : undefined;
    return (repository && gitUrlOfLocation(repository)) ?? "";
  }
  return `${origin}/git/${owner.handle}/${project.name}.git`;
}

/** A project as the API and pages show it, for one caller (`role` is theirs). */
export function toProjectView({ project, owner, role, origin }: { project: Project; owner: User; role: ProjectRole; origin: string }): ProjectView {
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    owner: { id: owner.id, email: owner.email, handle: owner.handle },
    role,
    backend: project.backend,
    cloneUrl: cloneUrlOf({ origin, owner, project }),
    defaultBranch: project.defaultBranch,
    lastPushAt: project.lastPushAt?.toISOString() ?? null,
    failed:
      project.failedOperation && project.failedAt
        ? { operation: project.failedOperation, message: project.failedMessage ?? "", at: project.failedAt.toISOString() }
        : null,
    createdAt: project.createdAt.toISOString(),
  };
}
