"use server";

import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth";
import { actionFailed, type ActionState } from "@/lib/http";
import { dismissProjectFailure, loadProject } from "@/lib/projects";

/** Dismiss on the failure banner: clears the project's red mark (the domain checks who may). */
export async function dismissFailureAction(projectId: string, _prev: ActionState): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    dismissProjectFailure({ access: loadProject({ id: projectId, user }), actor: user });
  } catch (error) {
    return actionFailed(error);
  }
  // The project's pages and the project list show the mark.
  revalidatePath("/projects", "layout");
  return { status: "success", message: "Dismissed." };
}
