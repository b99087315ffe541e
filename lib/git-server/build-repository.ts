import fs from "node:fs/promises";
import path from "node:path";
import { getReposDir } from "../config/env";
import { repoDirName, repoPath } from "./repo-path";

/** Where repositories are made before they are moved into place: inside the repositories folder (one file system, so the move is a rename), never served. */
export function stagingDir(): string {
  return path.join(getReposDir(), ".staging");
}

/**
 * Makes a project's repository out of sight and renames it into place only once
 * `build` has finished, so the served path never holds a half-made repository.
 * When `build` fails, what it wrote is removed and its error passed on.
 */
export async function buildRepository<T>({ projectId, build }: { projectId: string; build: (dir: string) => Promise<T> }): Promise<T> {
  const staged = path.join(stagingDir(), repoDirName(projectId));
  await fs.rm(staged, { recursive: true, force: true });
  await fs.mkdir(staged, { recursive: true });
  try {
    const result = await build(staged);
    await fs.rename(staged, repoPath(projectId));
    return result;
  } catch (error) {
    await fs.rm(staged, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
}

/** Removes every repository left half-made (at start, when no creation can be running). Answers how many there were. */
export async function removeStagedRepositories(): Promise<number> {
  const entries = await fs.readdir(stagingDir()).catch(() => [] as string[]);
  await fs.rm(stagingDir(), { recursive: true, force: true });
  return entries.length;
}

/**
 * Builds a repository out of sight for use elsewhere (the first push to a
 * repository at a git host), hands it to `then`, and removes it afterwards
 * whatever happened; start-up removes it if the server stopped meanwhile.
 */
export async function withStagedRepository<B, T>({ projectId, build, then }: { projectId: string; build: (dir: string) => Promise<B>; then: (dir: string, built: B) => Promise<T> }): Promise<T> {
  const staged = path.join(stagingDir(), `${repoDirName(projectId)}.outgoing`);
  await fs.rm(staged, { recursive: true, force: true });
  await fs.mkdir(staged, { recursive: true });
  try {
    return await then(staged, await build(staged));
  } finally {
    await fs.rm(staged, { recursive: true, force: true }).catch(() => {});
  }
}
