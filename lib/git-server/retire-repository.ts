import fs from "node:fs/promises";
import path from "node:path";
import { getReposDir } from "../config/env";
import { stagingDir } from "./build-repository";
import { repoDirName, repoPath } from "./repo-path";

/**
 * Where a project's repository goes when it stops serving the project (moved to
 * another backend): under the repositories folder, never served, kept until an
 * administrator removes it. Named by project and move, so a later move back
 * starts a fresh repository at the project's path. Relative to the repositories folder.
 */
export function retiredRepositoryName({ projectId, moveId }: { projectId: string; moveId: string }): string {
  return path.posix.join(".retired", `${repoDirName(projectId).replace(/\.git$/, "")}-${moveId}.git`);
}

const exists = (dir: string) => fs.stat(dir).then(() => true, () => false);

/** The folder a project's repository is in now: its own path, or (after a cut-off move) where it was retired to; null when neither exists. */
export async function locateRepository({ projectId, retiredName }: { projectId: string; retiredName: string }): Promise<string | null> {
  for (const dir of [repoPath(projectId), path.join(getReposDir(), retiredName)]) if (await exists(dir)) return dir;
  return null;
}

/** Moves a project's repository out of its path into `retiredName` (nothing to do when it is already there). */
export async function retireRepository({ projectId, retiredName }: { projectId: string; retiredName: string }): Promise<void> {
  const target = path.join(getReposDir(), retiredName);
  if (!(await exists(repoPath(projectId)))) return;
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.rename(repoPath(projectId), target);
}

/** Puts a retired repository back at its project's path (a move that failed after retiring it); nothing to do when it is not retired. */
export async function restoreRetiredRepository({ projectId, retiredName }: { projectId: string; retiredName: string }): Promise<void> {
  const retired = path.join(getReposDir(), retiredName);
  if (!(await exists(retired)) || (await exists(repoPath(projectId)))) return;
  await fs.rename(retired, repoPath(projectId));
}

/**
 * Puts a repository made in `dir` (on the same file system) in place as the
 * project's, replacing whatever a cut-off attempt left there: callers make sure
 * the project's path serves nothing (the project is not on this server yet).
 */
export async function placeRepository({ projectId, dir }: { projectId: string; dir: string }): Promise<void> {
  await fs.rm(repoPath(projectId), { recursive: true, force: true });
  await fs.rename(dir, repoPath(projectId));
}

/** A folder for making a repository out of sight (removed at start with the other half-made ones). */
export function stagingPath({ name }: { name: string }): string {
  return path.join(stagingDir(), name);
}
