import type { Project, User } from "../db";
import { repoPath, runGit } from "../git-server";
import { isAppError } from "../errors";
import { remoteOf } from "../projects";
import { remoteAdapterOf } from "./browse";

/** A README larger than this is not shown on the project's page (the session opens it). */
export const README_LIMIT = 512 * 1024;

const README_NAME = /^readme(\.(md|markdown|txt|rst))?$/i;

export type ProjectReadme =
  | { status: "found"; path: string; text: string; markdown: boolean }
  | { status: "none" }
  | { status: "too_large"; path: string; bytes: number }
  | { status: "unreadable"; message: string };

/** The README at the root of the project's default branch, wherever its repository lives. */
export async function readProjectReadme({ actor, project }: { actor: Pick<User, "id">; project: Project }): Promise<ProjectReadme> {
  const remote = remoteOf(project);
  try {
    if (!remote) return await readInternalReadme(project);
    const adapter = await remoteAdapterOf({ actor, remote });
    const root = await adapter.listFiles({ ref: project.defaultBranch, path: "" });
    const file = pickReadme(root.filter((f) => f.type === "file").map((f) => ({ path: f.path.split("/").pop()!, size: f.size })));
    if (!file) return { status: "none" };
    if (file.size !== null && file.size > README_LIMIT) return { status: "too_large", path: file.path, bytes: file.size };
    const bytes = await adapter.readFile({ ref: project.defaultBranch, path: file.path });
    return found(file.path, Buffer.from(bytes));
  } catch (error) {
    // A host that cannot answer now, or a member not connected to it yet, leaves the page usable, with the reason in words.
    if (isAppError(error)) return { status: "unreadable", message: error.message };
    throw error;
  }
}

async function readInternalReadme(project: Project): Promise<ProjectReadme> {
  const cwd = repoPath(project.id);
  const ref = `refs/heads/${project.defaultBranch}`;
  const listing = await runGit({ args: ["ls-tree", "-l", "--end-of-options", ref], cwd }).catch(() => null);
  if (!listing) return { status: "none" }; // an empty repository, or a default branch not pushed yet
  const files = listing
    .toString("utf8")
    .split("\n")
    .map((line) => /^\d+ blob ([0-9a-f]+)\s+(\d+)\t(.+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, oid, size, path]) => ({ oid: oid!, size: Number(size), path: path! }));
  const file = pickReadme(files);
  if (!file) return { status: "none" };
  if (file.size > README_LIMIT) return { status: "too_large", path: file.path, bytes: file.size };
  return found(file.path, await runGit({ args: ["cat-file", "blob", file.oid], cwd }));
}

/** README.md before README.markdown, README, README.txt and README.rst, as hosts choose. */
function pickReadme<T extends { path: string; size: number | null }>(files: T[]): T | undefined {
  const rank = (path: string) => [".md", ".markdown", "", ".txt", ".rst"].indexOf(/\.[^.]+$/.exec(path)?.[0]?.toLowerCase() ?? "");
  return files.filter((f) => README_NAME.test(f.path)).sort((a, b) => rank(a.path) - rank(b.path))[0];
}

function found(path: string, bytes: Buffer): ProjectReadme {
  return { status: "found", path, text: bytes.toString("utf8"), markdown: /\.(md|markdown)$/i.test(path) };
}
