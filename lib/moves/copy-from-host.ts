import fs from "node:fs/promises";
import { createBareRepository } from "../git-server";
import { fetchAllRefs, listRemoteRefs, readLocalRefs, refDifferences, type GitRemote, type RefMap } from "./git-remote";
import { moveFailure, type MoveContext } from "./move-context";

const COMPARE_ROUNDS = 3;

/**
 * Mirrors every branch and tag of a host's repository into a new bare
 * repository in `dir` (out of sight) with the real git client, and compares it
 * with the host's `git ls-remote` until both hold the same refs. HEAD names the
 * project's default branch, as on Benchtop's own repositories.
 */
export async function copyFromHost({ context, remote, fullName, dir, defaultBranch }: { context: MoveContext; remote: GitRemote; fullName: string; dir: string; defaultBranch: string }): Promise<RefMap> {
  await fs.rm(dir, { recursive: true, force: true });
  await createBareRepository({ dir, branch: defaultBranch });
  let differences: string[] = [];
  for (let round = 0; round < COMPARE_ROUNDS; round++) {
    await context.step("copying");
    try {
      await fetchAllRefs({ dir, remote });
    } catch (error) {
      console.error(`Benchtop: fetching ${fullName} failed:`, (error as Error).message);
      throw moveFailure(`Copying the branches and tags of ${fullName} failed: the host refused or broke off the transfer. Check that the host is reachable and that the backend's account may read the repository, then move the project again.`);
    }
    await context.step("comparing");
    const refs = await readLocalRefs({ dir });
    differences = refDifferences({ expected: await listRemoteRefs({ remote }), actual: refs });
    if (differences.length === 0) return refs;
  }
  throw moveFailure(`After copying, Benchtop's copy of ${fullName} does not hold the same branches and tags as the host (${differences.slice(0, 5).join(", ")}). Nothing was switched; move the project again.`);
}
