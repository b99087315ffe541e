"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "@/lib/auth";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";
import { createProjectSchema, loadProject } from "@/lib/projects";
import { copyProject } from "@/lib/repositories";

/**
 * "Copy into a project of your own": a new project of the signed-in user's with
 * this project's whole history and description; success opens its session. The
 * project id comes from the browser and is loaded again as the user's (a
 * project they cannot read answers as missing).
 */
export async function copyProjectAction(projectId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  let copyId: string;
  try {
    const user = await requireActionUser();
    const access = loadProject({ id: projectId, user });
    const parsed = createProjectSchema.safeParse({ name: formData.get("name") ?? undefined, description: access.project.description });
    if (!parsed.success) return keepValues(validationFailed(parsed.error), formData, ["name"]);
    copyId = (await copyProject({ access, input: parsed.data, actor: user })).id;
  } catch (error) {
    return keepValues(actionFailed(error), formData, ["name"]);
  }
  revalidatePath("/projects");
  redirect(`/projects/${copyId}/session`);
}
