"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireActionUser } from "@/lib/auth";
import { actionFailed, publicOrigin, validationFailed, type ActionState } from "@/lib/http";
import { removeUnreferencedObjects } from "@/lib/lfs-objects";
import {
  addCollaborator,
  addCollaboratorSchema,
  backendOf,
  changeCollaboratorRole,
  changeCollaboratorSchema,
  cloneUrlOf,
  deleteProject,
  loadProject,
  OLD_PATH_DAYS,
  type HostRepositoryOutcome,
  removeCollaborator,
  transferProject,
  updateProject,
  updateProjectSchema,
} from "@/lib/projects";

// Every action signs the caller in again and loads the project as theirs before
// it reads the form (the domain re-checks the role): the bound project id comes
// from the browser and proves nothing.

export async function updateProjectAction(projectId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  let message = "Settings saved.";
  try {
    const user = await requireActionUser();
    const access = loadProject({ id: projectId, user });
    const parsed = updateProjectSchema.safeParse({
      name: formData.get("name") ?? undefined,
      description: formData.get("description") ?? undefined,
      defaultBranch: formData.get("defaultBranch") ?? undefined,
      defaultEditor: formData.get("defaultEditor") ?? undefined,
    });
    if (!parsed.success) return validationFailed(parsed.error);
    const updated = await updateProject({ access, input: parsed.data, actor: user });
    // Only the internal git server's URL carries the name (a host's repository keeps its own).
    if (updated.name !== access.project.name && updated.backend === "internal") {
      const url = cloneUrlOf({ origin: publicOrigin(await headers()), owner: access.owner, project: updated });
      message = `Settings saved. The clone URL is now ${url}. The old one keeps working for git for ${OLD_PATH_DAYS} days (git names the new URL when it is used); update your clones with git remote set-url origin ${url}.`;
    }
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath(`/projects/${projectId}`, "layout");
  return { status: "success", message };
}

export async function addCollaboratorAction(projectId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    const access = loadProject({ id: projectId, user });
    const parsed = addCollaboratorSchema.safeParse({ email: formData.get("email"), role: formData.get("role") });
    if (!parsed.success) return validationFailed(parsed.error);
    const added = await addCollaborator({ access, ...parsed.data, actor: user });
    revalidatePath(`/projects/${projectId}`, "layout");
    const can = `${added.email} can now ${added.role === "editor" ? "edit" : "view"} this project.`;
    const host = backendOf(access.project).host;
    if (added.hostAccess === "waiting") return { status: "success", message: `${can} They get access to its repository at ${host} when they connect their account at ${host} in Settings → Connections.` };
    return { status: "success", message: can };
  } catch (error) {
    return actionFailed(error);
  }
}

export async function changeCollaboratorRoleAction(projectId: string, userId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    const access = loadProject({ id: projectId, user });
    const parsed = changeCollaboratorSchema.safeParse({ role: formData.get("role") });
    if (!parsed.success) return validationFailed(parsed.error);
    const changed = await changeCollaboratorRole({ access, userId, role: parsed.data.role, actor: user });
    revalidatePath(`/projects/${projectId}`, "layout");
    return { status: "success", message: `Saved: ${changed.email} is now ${changed.role === "editor" ? "an editor" : "a viewer"}.` };
  } catch (error) {
    return actionFailed(error);
  }
}

export async function removeCollaboratorAction(projectId: string, userId: string, _prev: ActionState): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    await removeCollaborator({ access: loadProject({ id: projectId, user }), userId, actor: user });
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath(`/projects/${projectId}`, "layout");
  return { status: "success", message: "Collaborator removed." };
}

export async function transferProjectAction(projectId: string, userId: string, _prev: ActionState): Promise<ActionState> {
  let message = "Ownership handed over.";
  try {
    const user = await requireActionUser();
    const transferred = await transferProject({ access: loadProject({ id: projectId, user }), userId, actor: user });
    if (transferred.backend === "internal") message += ` The clone URL now names the new owner; the old one keeps working for git for ${OLD_PATH_DAYS} days.`;
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath(`/projects/${projectId}`, "layout");
  return { status: "success", message };
}

export async function deleteProjectAction(projectId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  let kept: HostRepositoryOutcome | null;
  let name: string;
  try {
    const user = await requireActionUser();
    const access = loadProject({ id: projectId, user });
    if (formData.get("confirmName") !== access.project.name) {
      return { status: "error", message: "Type the project's name exactly to confirm.", fieldErrors: { confirmName: `Type ${access.project.name} to confirm.` } };
    }
    const { hostRepository } = await deleteProject({ access, actor: user });
    // Its Git LFS objects go too, but for those a copy still refers to.
    removeUnreferencedObjects();
    kept = hostRepository?.status === "kept" ? hostRepository : null;
    name = access.project.name;
  } catch (error) {
    return actionFailed(error);
  }
  // The project list says what was deleted, and that the repository is still at its host (names only, never the host's text in a URL).
  const notice = new URLSearchParams({ deleted: name, ...(kept ? { keptRepository: kept.name, keptAt: kept.host } : {}) });
  redirect(`/projects?${notice}`);
}
