import fs from "node:fs/promises";
import path from "node:path";
import { pathProblem } from "../../workspace/path-rules";
import { linkDestination } from "./entry-names";
import { refusals, shownName } from "./refusals";
import type { ExtractedTree, TreeFile, TreeLink } from "./tree-writer";

/**
 * An extracted archive as a project: `root` is the project folder (a single
 * top-level folder unwrapped), `gitDir` its .git folder when the archive holds
 * a repository, else `files` and `links` are what the first commit holds.
 */
export type ProjectTree = {
  root: string;
  gitDir: string | null;
  files: Map<string, TreeFile>;
  links: Map<string, TreeLink>;
  warnings: string[];
};

const exists = (at: string) => fs.lstat(at).then(() => true, () => false);
const isDirectory = (at: string) => fs.stat(at).then((s) => s.isDirectory(), () => false);

/** The single top-level folder that wraps everything, or null. A lone .git folder is the repository itself, never a wrapper. */
async function wrapperOf(tree: ExtractedTree): Promise<string | null> {
  const names = new Set(await fs.readdir(tree.root));
  for (const at of tree.links.keys()) names.add(at.split("/")[0]!);
  const [only] = names;
  if (names.size !== 1 || only === undefined || only === ".git" || tree.links.has(only)) return null;
  return (await isDirectory(path.join(tree.root, only))) ? only : null;
}

function withoutPrefix<T>(entries: Map<string, T>, prefix: string): Map<string, T> {
  if (!prefix) return entries;
  return new Map([...entries].filter(([at]) => at.startsWith(prefix)).map(([at, value]) => [at.slice(prefix.length), value]));
}

/** A folder named .git below the top (a repository nested in the project): git cannot hold it, so its files are left out. */
const nestedGitFolder = (at: string) => {
  const segments = at.split("/");
  const index = segments.findIndex((segment, i) => i < segments.length - 1 && segment.toLowerCase() === ".git");
  return index < 0 ? null : segments.slice(0, index + 1).join("/");
};

export async function toProjectTree(tree: ExtractedTree): Promise<ProjectTree> {
  const wrapper = await wrapperOf(tree);
  const prefix = wrapper ? `${wrapper}/` : "";
  const root = wrapper ? path.join(tree.root, wrapper) : tree.root;
  const links = withoutPrefix(tree.links, prefix);
  // Every link must land inside the project, whether or not it is kept.
  for (const [at, link] of links) {
    if (linkDestination(at, link.target) === null) throw refusals.linkOutside(link.name, link.target);
    if (await exists(path.join(root, at))) throw refusals.twice(link.name);
  }

  if (await isDirectory(path.join(root, ".git"))) {
    const inGit = [...links].find(([at]) => at.startsWith(".git/"))?.[1];
    if (inGit) throw refusals.linkInGit(inGit.name);
    return { root, gitDir: path.join(root, ".git"), files: new Map(), links: new Map(), warnings: [] };
  }

  const warnings: string[] = [];
  const leftOut = new Set<string>();
  const keep = <T>(entries: Map<string, T>) =>
    new Map(
      [...entries].filter(([at]) => {
        const nested = nestedGitFolder(at) ?? (at.toLowerCase() === ".git" ? ".git" : null);
        if (nested) leftOut.add(nested);
        return !nested;
      }),
    );
  const files = keep(withoutPrefix(tree.files, prefix));
  const kept = keep(links);
  for (const folder of leftOut) {
    warnings.push(`${shownName(folder)} was left out: git cannot hold a .git folder inside a project. The files around it were added; to keep that repository's history, upload it as a project of its own.`);
  }
  for (const at of [...files.keys(), ...kept.keys()]) {
    const problem = pathProblem(at);
    if (problem) throw refusals.uncheckable(at, problem);
  }
  if (files.size === 0 && kept.size === 0) throw refusals.empty();
  return { root, gitDir: null, files, links: kept, warnings };
}
