import path from "node:path";
import { getReposDir } from "../config/env";

/**
 * Bare repositories are stored by project id, not by handle and name, so renaming
 * a project or a user never moves files on disk.
 */
export function repoDirName(projectId: string): string {
  if (!/^[a-z0-9]+$/.test(projectId)) throw new Error("Project ids are lower-case letters and digits.");
  return `${projectId}.git`;
}

export function repoPath(projectId: string): string {
  return path.join(getReposDir(), repoDirName(projectId));
}
