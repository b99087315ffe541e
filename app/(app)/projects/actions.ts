"use server";

import { redirect } from "next/navigation";
import { requireActionUser } from "@/lib/auth";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";
import { createProject, createProjectSchema } from "@/lib/projects";

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
