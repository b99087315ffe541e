import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { repoPath } from "./repo-path";
import { runGit } from "./run-git";

const SAFE_PATH = /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))(?!.*(?:^|\/)\.git(?:\/|$))[^\0\\]+$/i;

/**
 * Commits files (added or replaced) on a branch of a project's bare repository,
 * without a working tree: a temporary index starts from the branch's tree, the
 * blobs are written, and the branch moves only if nobody pushed meanwhile.
 */
export async function commitFiles({
  projectId,
  branch,
  files,
  message,
  author,
}: {
  projectId: string;
  branch: string;
  files: { path: string; content: Uint8Array }[];
  message: string;
  author: { name: string; email: string };
}): Promise<string> {
  for (const file of files) {
    if (!SAFE_PATH.test(file.path) || file.path.endsWith("/")) throw new Error(`Refusing to commit an unsafe path: ${file.path}`);
  }
  const cwd = repoPath(projectId);
  const index = path.join(os.tmpdir(), `benchtop-index-${randomBytes(8).toString("hex")}`);
  const identity = { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email };
  const env = { GIT_INDEX_FILE: index, ...identity };
  try {
    const parent = (await runGit({ args: ["rev-parse", "--verify", "-q", `refs/heads/${branch}`], cwd }).catch(() => Buffer.from(""))).toString().trim();
    if (parent) await runGit({ args: ["read-tree", parent], cwd, env });
    let listing = "";
    for (const file of files) {
      const blob = (await runGit({ args: ["hash-object", "-w", "--stdin"], cwd, input: Buffer.from(file.content) })).toString().trim();
      listing += `100644 ${blob}\t${file.path}\n`;
    }
    await runGit({ args: ["update-index", "--add", "--index-info"], cwd, env, input: listing });
    const tree = (await runGit({ args: ["write-tree"], cwd, env })).toString().trim();
    const commit = (await runGit({ args: ["commit-tree", tree, ...(parent ? ["-p", parent] : []), "-F", "-"], cwd, env, input: message })).toString().trim();
    // The old value makes the update fail if the branch moved since we read it.
    await runGit({ args: ["update-ref", `refs/heads/${branch}`, commit, parent || "0".repeat(40)], cwd });
    return commit;
  } finally {
    await fs.rm(index, { force: true });
  }
}
