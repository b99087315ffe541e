import fs from "node:fs/promises";
import path from "node:path";
import { getReposDir } from "../config/env";

/** git receive-pack keeps an incoming pack in such a folder of `objects/` until the push is accepted; a push killed half-way leaves it behind. */
const QUARANTINE = /^(tmp_objdir-incoming-|incoming-)/;

export type PushLeftovers = { projectId: string; paths: string[]; bytes: number };

async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name)).catch(() => ({ size: 0 }))).size;
  }
  return total;
}

/**
 * Removes what interrupted pushes left in every repository: quarantine folders
 * under `objects/` and ref lock files (`*.lock` in the repository and under
 * `refs/`, which would refuse every later update of that ref), all untouched
 * since `before`. Called at start, before any request is served, with the
 * process's start time: whatever exists then belongs to no running push.
 */
export async function removePushLeftovers({ before }: { before: Date }): Promise<PushLeftovers[]> {
  const found: PushLeftovers[] = [];
  const reposDir = getReposDir();
  for (const name of await fs.readdir(reposDir).catch(() => [] as string[])) {
    if (!name.endsWith(".git")) continue;
    const repo = path.join(reposDir, name);
    const objects = await fs.readdir(path.join(repo, "objects")).catch(() => [] as string[]);
    const refs = await fs.readdir(path.join(repo, "refs"), { recursive: true }).catch(() => [] as string[]);
    const candidates = [
      ...objects.filter((entry) => QUARANTINE.test(entry)).map((entry) => path.join("objects", entry)),
      ...(await fs.readdir(repo)).filter((entry) => entry.endsWith(".lock")),
      ...refs.filter((entry) => entry.endsWith(".lock")).map((entry) => path.join("refs", entry)),
    ];
    const removed: PushLeftovers = { projectId: name.slice(0, -".git".length), paths: [], bytes: 0 };
    for (const relative of candidates) {
      const full = path.join(repo, relative);
      const stat = await fs.stat(full).catch(() => null);
      if (!stat || stat.mtime >= before) continue;
      removed.bytes += stat.isDirectory() ? await sizeOf(full) : stat.size;
      await fs.rm(full, { recursive: true, force: true });
      removed.paths.push(relative);
    }
    if (removed.paths.length) found.push(removed);
  }
  return found;
}
