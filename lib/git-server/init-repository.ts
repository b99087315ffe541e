import fs from "node:fs/promises";
import { repoPath } from "./repo-path";
import { runGit } from "./run-git";

type Author = { name: string; email: string };

/** README.md of a new project: its name as a title, then its description. */
export function initialReadme({ name, description }: { name: string; description: string }): string {
  return description.trim() ? `# ${name}\n\n${description.trim()}\n` : `# ${name}\n`;
}

/** Creates an empty bare repository in `dir` (see buildRepository), configured as the git server serves it. */
export async function createBareRepository({ dir, branch = "main" }: { dir: string; branch?: string }): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  await runGit({ args: ["init", "--quiet", "--bare", `--initial-branch=${branch}`, dir] });
  for (const [key, value] of [
    ["receive.fsckObjects", "true"],
    ["http.getanyfile", "false"],
    ["uploadpack.allowFilter", "true"],
    ["core.logAllRefUpdates", "true"],
  ] as const) {
    await runGit({ args: ["config", key, value], cwd: dir });
  }
  return dir;
}

/**
 * Creates the bare repository of a new project in `dir` with one commit on `branch`
 * holding README.md. Built with plumbing, so no working tree is ever written.
 */
export async function initRepository({
  dir: target,
  name,
  description,
  author,
  branch = "main",
}: {
  dir: string;
  name: string;
  description: string;
  author: Author;
  branch?: string;
}): Promise<string> {
  const dir = await createBareRepository({ dir: target, branch });
  const blob = (await runGit({ args: ["hash-object", "-w", "--stdin"], cwd: dir, input: initialReadme({ name, description }) })).toString().trim();
  const tree = (await runGit({ args: ["mktree"], cwd: dir, input: `100644 blob ${blob}\tREADME.md\n` })).toString().trim();
  const identity = {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };
  const commit = (await runGit({ args: ["commit-tree", tree, "-m", `Create ${name}`], cwd: dir, env: identity })).toString().trim();
  await runGit({ args: ["update-ref", `refs/heads/${branch}`, commit], cwd: dir });
  return commit;
}

export async function removeRepository({ projectId }: { projectId: string }): Promise<void> {
  await fs.rm(repoPath(projectId), { recursive: true, force: true });
}
