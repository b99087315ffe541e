import type { Project, ProjectRole, User } from "../db";
import { gitUrlOfLocation } from "../hosts/git-url";
import { backendOf } from "./backend-label";
import type { DefaultEditor } from "./default-editors";
import { remoteOf } from "./project-remote";

export type ProjectView = {
  id: string;
  name: string;
  description: string;
  owner: { id: string; email: string; handle: string };
  role: ProjectRole;
  backend: Project["backend"];
  /** Where its repository lives, for people: "Benchtop", "GitHub: labs", "linked: owner/name". */
  backendLabel: string;
  /** The git host of a repository that lives on one (external or linked), else null. */
  backendHost: string | null;
  cloneUrl: string;
  defaultBranch: string;
  /** How a session opens the project's .ipynb files. */
  defaultEditor: DefaultEditor;
  lastPushAt: string | null;
  failed: { operation: string; message: string; at: string } | null;
  createdAt: string;
};

/**
 * What `git clone` takes: the internal git server's URL, or for a project
 * whose repository lives on a git host the host's own URL (empty when a linked
 * repository was removed meanwhile).
 */
export function cloneUrlOf({ origin, owner, project }: { origin: string; owner: Pick<User, "handle">; project: Pick<Project, "name" | "backend" | "repositoryId" | "vcsBackendId" | "remoteLocation"> }): string {
  if (project.backend === "internal") return `${origin}/git/${owner.handle}/${project.name}.git`;
  try {
    const remote = remoteOf(project);
    return (remote && gitUrlOfLocation(remote)) ?? "";
  } catch {
    return "";
  }
}

/** A project as the API and pages show it, for one caller (`role` is theirs). */
export function toProjectView({ project, owner, role, origin }: { project: Project; owner: User; role: ProjectRole; origin: string }): ProjectView {
  const where = backendOf(project);
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    owner: { id: owner.id, email: owner.email, handle: owner.handle },
    role,
    backend: project.backend,
    backendLabel: where.label,
    backendHost: where.host,
    cloneUrl: cloneUrlOf({ origin, owner, project }),
    defaultBranch: project.defaultBranch,
    defaultEditor: project.defaultEditor,
    lastPushAt: project.lastPushAt?.toISOString() ?? null,
    failed:
      project.failedOperation && project.failedAt
        ? { operation: project.failedOperation, message: project.failedMessage ?? "", at: project.failedAt.toISOString() }
        : null,
    createdAt: project.createdAt.toISOString(),
  };
}
