import fs from "node:fs/promises";
import path from "node:path";
import { getDataDir } from "../config/env";
import { listAllDeploymentIds } from "../db";
import { createBareRepository, runGit } from "../git-server";

/**
 * Each deployment keeps the git objects of what it serves in a bare repository
 * of its own (DATA_DIR/deployments/{id}.git), every deploy's commit under
 * refs/deploys/{deployId}: what is served is exactly that commit, read from
 * git objects, whatever happens to the project's branches or backend since,
 * and rolling back needs nothing from the project.
 */
export function deploymentsDir(): string {
  return path.join(getDataDir(), "deployments");
}

export function storePath({ deploymentId }: { deploymentId: string }): string {
  return path.join(deploymentsDir(), `${deploymentId}.git`);
}

async function exists(dir: string): Promise<boolean> {
  return fs.stat(dir).then(
    () => true,
    () => false,
  );
}

/** Copies `commit` (and what it needs) from the repository in `sourceDir` into the deployment's store, kept by refs/deploys/{deployId}. */
export async function storeCommit({ deploymentId, deployId, sourceDir, commit }: { deploymentId: string; deployId: string; sourceDir: string; commit: string }): Promise<void> {
  const dir = storePath({ deploymentId });
  if (!(await exists(path.join(dir, "HEAD")))) await createBareRepository({ dir, branch: "main" });
  await runGit({ args: ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--end-of-options", sourceDir, `${commit}:refs/deploys/${deployId}`], cwd: dir });
}

/** Keeps an earlier deploy's commit (already in the store) under a new deploy's ref; false when the store no longer has it. */
export async function keepStoredCommit({ deploymentId, deployId, commit }: { deploymentId: string; deployId: string; commit: string }): Promise<boolean> {
  const dir = storePath({ deploymentId });
  if (!(await hasStoredCommit({ deploymentId, commit }))) return false;
  await runGit({ args: ["update-ref", `refs/deploys/${deployId}`, commit], cwd: dir });
  return true;
}

export async function hasStoredCommit({ deploymentId, commit }: { deploymentId: string; commit: string }): Promise<boolean> {
  try {
    await runGit({ args: ["cat-file", "-e", "--end-of-options", `${commit}^{commit}`], cwd: storePath({ deploymentId }) });
    return true;
  } catch {
    return false;
  }
}

export async function removeStore({ deploymentId }: { deploymentId: string }): Promise<void> {
  await fs.rm(storePath({ deploymentId }), { recursive: true, force: true });
}

/**
 * Removes the stores of deployments that no longer exist: deleted with their
 * project (the rows go with it), or by a server that stopped half-way.
 */
export async function removeOrphanDeploymentStores(): Promise<string[]> {
  const keep = new Set(listAllDeploymentIds());
  const names = await fs.readdir(deploymentsDir()).catch(() => [] as string[]);
  const orphans = names.filter((name) => !(name.endsWith(".git") && keep.has(name.slice(0, -4))));
  for (const name of orphans) await fs.rm(path.join(deploymentsDir(), name), { recursive: true, force: true });
  return orphans;
}
