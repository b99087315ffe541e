import fs from "node:fs/promises";
import path from "node:path";
import { createBareRepository, runGit } from "../../git-server";
import type { ProjectTree } from "./project-tree";

/**
 * Makes a bare repository in `dir` whose first commit on main holds the
 * project tree's files and symbolic links, byte for byte: blobs are written
 * with --no-filters (no end-of-line or other conversion that .gitattributes
 * might ask for) and listed into a temporary index, so no working tree or
 * .gitignore is involved.
 */
export async function commitProjectTree({
  tree,
  dir,
  indexFile,
  message,
  author,
}: {
  tree: ProjectTree;
  dir: string;
  indexFile: string;
  message: string;
  author: { name: string; email: string };
}): Promise<void> {
  await createBareRepository({ dir, branch: "main" });
  const paths = [...tree.files.keys()];
  const hashed = paths.length
    ? (await runGit({ args: ["hash-object", "-w", "--no-filters", "--stdin-paths"], cwd: dir, input: paths.map((at) => `${path.join(tree.root, at)}\n`).join("") }))
        .toString("utf8")
        .trim()
        .split("\n")
    : [];
  const records = paths.map((at, i) => `${tree.files.get(at)!.executable ? "100755" : "100644"} ${hashed[i]}\t${at}\0`);
  for (const [at, link] of tree.links) {
    const oid = (await runGit({ args: ["hash-object", "-w", "--stdin"], cwd: dir, input: link.target })).toString("utf8").trim();
    records.push(`120000 ${oid}\t${at}\0`);
  }
  const identity = { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email };
  const env = { GIT_INDEX_FILE: indexFile, ...identity };
  try {
    await runGit({ args: ["update-index", "--add", "-z", "--index-info"], cwd: dir, env, input: records.join("") });
    const treeId = (await runGit({ args: ["write-tree"], cwd: dir, env })).toString("utf8").trim();
    const commit = (await runGit({ args: ["commit-tree", treeId, "-F", "-"], cwd: dir, env, input: message })).toString("utf8").trim();
    await runGit({ args: ["update-ref", "refs/heads/main", commit], cwd: dir });
  } finally {
    await fs.rm(indexFile, { force: true });
  }
}
