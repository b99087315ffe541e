import fs from "node:fs/promises";
import path from "node:path";
import { getReposDir } from "../config/env";
import { repoPath } from "./repo-path";

/** Bytes on disk of a project's bare repository (its files' sizes added up; after gc a handful of packs), or null when it has none. */
export async function repositorySize({ projectId }: { projectId: string }): Promise<number | null> {
  const root = repoPath(projectId);
  let entries;
  try {
    entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  } catch {
    return null;
  }
  let total = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    // A file git removes meanwhile (gc, a push's temporary objects) simply no longer counts.
    total += await fs.stat(path.join(entry.parentPath, entry.name)).then((s) => s.size, () => 0);
  }
  return total;
}

/**
 * Removes a repository folder kept under the repositories root (an old copy
 * after a move), by its name there. The name must be one folder directly under
 * the root: a stored name that would reach anywhere else is refused.
 */
export async function removeKeptFolder({ name }: { name: string }): Promise<void> {
  const root = getReposDir();
  const target = path.resolve(root, name);
  if (path.dirname(target) !== path.resolve(root) || name.startsWith(".")) {
    throw new Error(`"${name}" is not a repository folder under the repositories root.`);
  }
  await fs.rm(target, { recursive: true, force: true });
}
