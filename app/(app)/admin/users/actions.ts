"use server";

import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";
import { createUser, createUserSchema, updateUser, updateUserSchema } from "@/lib/users";

async function requireActionAdmin() {
  const user = await requireActionUser();
  if (user.role !== "admin") throw new AppError("forbidden", "Only an administrator can manage users.");
  return user;
}

export async function createUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return keepValues(await create(formData), formData, ["name", "email", "role"]);
}

async function create(formData: FormData): Promise<ActionState> {
  const parsed = createUserSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailed(parsed.error);
  try {
    const actor = await requireActionAdmin();
    const user = await createUser({ input: parsed.data, actor });
    revalidatePath("/admin/users");
    return { status: "success", message: `Created ${user.email} (handle ${user.handle}). Give them their password in person or over a secure channel.` };
  } catch (error) {
    return actionFailed(error);
  }
}

export async function updateUserAction(userId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = updateUserSchema.safeParse({
    role: formData.get("role") ?? undefined,
    disabled: formData.has("disabled") ? formData.get("disabled") === "true" : undefined,
  });
  if (!parsed.success) return validationFailed(parsed.error);
  try {
    const actor = await requireActionAdmin();
    updateUser({ id: userId, input: parsed.data, actor });
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath("/admin/users");
  return { status: "success", message: "Saved." };
}
