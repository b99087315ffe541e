import { projectNameTaken, runInTransaction, updateProjectRow, type Project, type User } from "../db";
import { recordEvent } from "../audit";
import { AppError } from "../errors";
import { listBranches, setDefaultBranch } from "../git-server";
import { assertCanWrite, type ProjectAccess } from "./access";
import { rememberOldPath } from "./old-paths";
import type { UpdateProjectInput } from "./schema";

/**
 * Renames a project or changes its description, default branch or default
 * editor (editor, owner or admin). A project on Benchtop's git server keeps answering git at its old
 * clone URL for OLD_PATH_DAYS after a rename (see rememberOldPath).
 */
export async function updateProject({ access, input, actor }: { access: ProjectAccess; input: UpdateProjectInput; actor: User }): Promise<Project> {
  assertCanWrite(access);
  const { project } = access;
  const renamed = input.name !== undefined && input.name !== project.name;
  if (renamed && projectNameTaken({ ownerId: project.ownerId, name: input.name!, exceptId: project.id })) {
    throw new AppError("conflict", `The owner already has a project named "${input.name}". Choose another name.`, {
      fields: { name: "The owner already has a project with this name." },
    });
  }
  if (input.defaultBranch !== undefined && input.defaultBranch !== project.defaultBranch) {
    if (project.backend !== "internal") {
      // The host decides its repository's default branch; Benchtop does not change it behind the host's back.
      throw new AppError("invalid_input", `${project.name}'s repository is kept at its git host: change its default branch there.`, {
        fields: { defaultBranch: "Change the default branch at the repository's host." },
      });
    }
    const branches = await listBranches({ projectId: project.id });
    if (!branches.some((b) => b.name === input.defaultBranch)) {
      throw new AppError("invalid_input", `There is no branch "${input.defaultBranch}". Push it first, then make it the default.`, {
        fields: { defaultBranch: "No such branch in the repository." },
      });
    }
    await setDefaultBranch({ projectId: project.id, branch: input.defaultBranch });
  }
  // The old clone URL keeps working for a while; a case-only rename keeps the path, which the new name then holds again.
  const updated = runInTransaction(() => {
    if (renamed) rememberOldPath({ project, owner: access.owner });
    return updateProjectRow({ id: project.id, changes: input });
  });
  if (!updated) throw new AppError("not_found", "That project no longer exists.");
  if (renamed) {
    recordEvent({ action: "project.renamed", actor, project: updated, detail: { from: project.name, to: updated.name } });
  }
  const { name: _name, ...others } = input;
  const changed = Object.fromEntries(Object.entries(others).filter(([key, value]) => project[key as keyof typeof others] !== value));
  if (Object.keys(changed).length > 0) {
    recordEvent({ action: "project.updated", actor, project: updated, detail: { changes: changed } });
  }
  return updated;
}
