"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "@/lib/auth";
import { actionFailed, validationFailed, type ActionState } from "@/lib/http";
import {
  addCollaborator,
  addCollaboratorSchema,
  backendOf,
  changeCollaboratorRole,
  changeCollaboratorSchema,
  deleteProject,
  loadProject,
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
  try {
    const user = await requireActionUser();
    const access = loadProject({ id: projectId, user });
    const parsed = updateProjectSchema.safeParse({
      name: formData.get("name") ?? undefined,
      description: formData.get("description") ?? undefined,
      defaultBranch: formData.get("defaultBranch") ?? undefined,
    });
    if (!parsed.success) return validationFailed(parsed.error);
    await updateProject({ access, input: parsed.data, actor: user });
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath(`/projects/${projectId}`, "layout");
  return { status: "success", message: "Settings saved." };
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
  try {
    const user = await requireActionUser();
    await transferProject({ access: loadProject({ id: projectId, user }), userId, actor: user });
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath(`/projects/${projectId}`, "layout");
  return { status: "success", message: "Ownership handed over." };
}

export async function deleteProjectAction(projectId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  let kept: HostRepositoryOutcome | null;
  try {
    const user = await requireActionUser();
    const access = loadProject({ id: projectId, user });
    if (formData.get("confirmName") !== access.project.name) {
      return { status: "error", message: "Type the project's name exactly to confirm.", fieldErrors: { confirmName: `Type ${access.project.name} to confirm.` } };
    }
    const { hostRepository } = await deleteProject({ access, actor: user });
    kept = hostRepository?.status === "kept" ? hostRepository : null;
  } catch (error) {
    return actionFailed(error);
  }
  // The project list says that the repository is still at its host (names only, never the host's text in a URL).
  redirect(kept ? `/projects?${new URLSearchParams({ keptRepository: kept.name, keptAt: kept.host })}` : "/projects");
}
