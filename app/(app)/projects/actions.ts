"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionUser } from "@/lib/auth";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";
import { createTokenConnection, tokenConnectionInputSchema } from "@/lib/connections";
import { createProject, createProjectSchema, grantHostAccessOnConnect, newProjectDestination } from "@/lib/projects";

export async function createProjectAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return keepValues(await create(formData), formData, ["name", "description"]);
}

async function create(formData: FormData): Promise<ActionState> {
  let id: string;
  try {
    const owner = await requireActionUser();
    const parsed = createProjectSchema.safeParse({ name: formData.get("name"), description: formData.get("description") ?? "" });
    if (!parsed.success) return validationFailed(parsed.error);
    id = (await createProject({ input: parsed.data, owner })).id;
  } catch (error) {
    return actionFailed(error);
  }
  redirect(`/projects/${id}`);
}

/**
 * Connects the caller's account at the external backend's host with a token,
 * from the New project form: the provider and host are the backend's, never
 * taken from the form.
 */
export async function connectForNewProjectAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const user = await requireActionUser();
    const destination = newProjectDestination({ user });
    if (destination.kind !== "external") return { status: "error", message: "New projects are kept on Benchtop's own git server now: no connection is needed. Reload the page." };
    const email = formData.get("email");
    const parsed = tokenConnectionInputSchema.safeParse({ provider: destination.provider, host: destination.host, token: formData.get("token"), ...(email ? { email } : {}) });
    if (!parsed.success) return validationFailed(parsed.error);
    const connection = await createTokenConnection({ user, ...parsed.data });
    // Projects on that host waiting for this account give it access now (failures are logged, never this form's).
    await grantHostAccessOnConnect({ user, connection });
    revalidatePath("/projects");
    return { status: "success", message: `Connected to ${connection.host} as ${connection.login}.` };
  } catch (error) {
    return actionFailed(error);
  }
}
