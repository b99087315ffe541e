import { repoPath } from "./repo-path";
import { runGit } from "./run-git";

/** Every ref of a project's repository with the commit it points at. */
export async function readRefs({ projectId }: { projectId: string }): Promise<Map<string, string>> {
  const out = await runGit({ args: ["for-each-ref", "--format=%(objectname) %(refname)"], cwd: repoPath(projectId) });
  const refs = new Map<string, string>();
  for (const line of out.toString("utf8").split("\n")) {
    const space = line.indexOf(" ");
    if (space > 0) refs.set(line.slice(space + 1), line.slice(0, space));
  }
  return refs;
}

/** Branches of a project, for the API and the default-branch setting. */
export async function listBranches({ projectId }: { projectId: string }): Promise<{ name: string; commit: string }[]> {
  const refs = await readRefs({ projectId });
  return [...refs]
    .filter(([ref]) => ref.startsWith("refs/heads/"))
    .map(([ref, commit]) => ({ name: ref.slice("refs/heads/".length), commit }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Points HEAD (what a clone checks out) at a branch. */
export async function setDefaultBranch({ projectId, branch }: { projectId: string; branch: string }): Promise<void> {
  await runGit({ args: ["symbolic-ref", "HEAD", `refs/heads/${branch}`], cwd: repoPath(projectId) });
}
