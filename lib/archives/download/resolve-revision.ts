import type { Project } from "../../db";
import { AppError } from "../../errors";
import { runGit } from "../../git-server";
import { archiveRefSchema } from "./schema";

/** A ref resolved to the commit it names: a branch (HEAD is the default branch), a tag, or a commit id. */
export type Revision = { kind: "branch" | "tag" | "commit"; name: string; commit: string };

const COMMIT_ID = /^[0-9a-f]{4,64}$/i;

/** The commit a full ref or object id names in `dir`, or null; `--end-of-options` keeps it from ever reading as an option. */
async function commitOf({ dir, name }: { dir: string; name: string }): Promise<string | null> {
  try {
    const out = await runGit({ args: ["rev-parse", "--verify", "--quiet", "--end-of-options", `${name}^{commit}`], cwd: dir });
    return out.toString("utf8").trim() || null;
  } catch {
    return null;
  }
}

/**
 * Resolves `ref` in the repository in `dir` to a commit: HEAD as the project's
 * default branch, then a branch of that name, a tag, and last a commit id (full
 * or abbreviated). Only refs/heads and refs/tags are looked in, never git's
 * other guesses (files in the repository folder, remote-tracking refs).
 */
export async function resolveRevision({ dir, ref, project }: { dir: string; ref: string; project: Pick<Project, "id" | "name" | "defaultBranch"> }): Promise<Revision> {
  const checked = archiveRefSchema.safeParse(ref);
  if (!checked.success) throw new AppError("invalid_input", checked.error.issues[0]?.message ?? "Name a branch, tag or commit.", { fields: { ref: checked.error.issues[0]?.message ?? "Not a ref." } });
  const name = checked.data === "HEAD" ? project.defaultBranch : checked.data;
  for (const [kind, full] of [["branch", `refs/heads/${name}`], ["tag", `refs/tags/${name}`]] as const) {
    const commit = await commitOf({ dir, name: full });
    if (commit) return { kind, name, commit };
  }
  if (COMMIT_ID.test(name)) {
    const commit = await commitOf({ dir, name });
    if (commit) return { kind: "commit", name: commit, commit };
  }
  if (checked.data === "HEAD") {
    throw new AppError("not_found", `${project.name} has no commit on its default branch ${project.defaultBranch} yet, so there is nothing to download. Push a commit first, or name another branch with ref=.`);
  }
  throw new AppError(
    "not_found",
    `${project.name} has no branch, tag or commit named "${ref}". Check the name (it is case-sensitive); GET /api/v1/projects/${project.id}/branches lists the branches, and the project page's Download form offers them.`,
  );
}
