"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "@/lib/auth";
import { actionFailed, validationFailed, type ActionState } from "@/lib/http";
import {
  addCollaborator,
  addCollaboratorSchema,
  changeCollaboratorRole,
  changeCollaboratorSchema,
  deleteProject,
  loadProject,
  removeCollaborator,
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
  revalidatePath(`/projects/${projectId}`);
  return { status: "success", message: "Settings saved." };
}

export async function addCollaboratorAction(projectId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    const access = loadProject({ id: projectId, user });
    const parsed = addCollaboratorSchema.safeParse({ email: formData.get("email"), role: formData.get("role") });
    if (!parsed.success) return validationFailed(parsed.error);
    const added = addCollaborator({ access, ...parsed.data, actor: user });
    revalidatePath(`/projects/${projectId}`);
    return { status: "success", message: `${added.email} can now ${added.role === "editor" ? "edit" : "view"} this project.` };
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
    changeCollaboratorRole({ access, userId, role: parsed.data.role, actor: user });
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath(`/projects/${projectId}`);
  return { status: "success", message: "Role changed." };
}

export async function removeCollaboratorAction(projectId: string, userId: string, _prev: ActionState): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    removeCollaborator({ access: loadProject({ id: projectId, user }), userId, actor: user });
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath(`/projects/${projectId}`);
  return { status: "success", message: "Collaborator removed." };
}

export async function deleteProjectAction(projectId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    const access = loadProject({ id: projectId, user });
    if (formData.get("confirmName") !== access.project.name) {
      return { status: "error", message: "Type the project's name exactly to confirm.", fieldErrors: { confirmName: `Type ${access.project.name} to confirm.` } };
    }
    await deleteProject({ access, actor: user });
  } catch (error) {
    return actionFailed(error);
  }
  redirect("/projects");
}
