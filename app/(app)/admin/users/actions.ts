"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionSession } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";
import { createUser, createUserSchema, passwordSchema, updateUser, updateUserSchema, type UpdateUserInput } from "@/lib/users";

async function requireActionAdmin() {
  const session = await requireActionSession();
  if (session.user.role !== "admin") throw new AppError("forbidden", "Only an administrator can manage users.");
  return session;
}

type AdminSession = Awaited<ReturnType<typeof requireActionAdmin>>;

/** Every action checks the caller is an administrator before it reads the form. */
async function asAdmin(run: (session: AdminSession) => Promise<ActionState>): Promise<ActionState> {
  let session: AdminSession;
  try {
    session = await requireActionAdmin();
  } catch (error) {
    return actionFailed(error);
  }
  return run(session);
}

export async function createUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return keepValues(await asAdmin((session) => create(session, formData)), formData, ["name", "email", "role"]);
}

async function create({ user: actor }: AdminSession, formData: FormData): Promise<ActionState> {
  const parsed = createUserSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailed(parsed.error);
  try {
    const user = await createUser({ input: parsed.data, actor });
    revalidatePath("/admin/users");
    return { status: "success", message: `Created ${user.email} (handle ${user.handle}). Give them their password in person or over a secure channel.` };
  } catch (error) {
    return actionFailed(error);
  }
}

export async function updateUserAction(userId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return asAdmin(async (session) => {
    const parsed = updateUserSchema.safeParse({
      role: formData.get("role") ?? undefined,
      disabled: formData.has("disabled") ? formData.get("disabled") === "true" : undefined,
    });
    if (!parsed.success) return validationFailed(parsed.error);
    return applyUpdate({ session, userId, input: parsed.data, message: "Saved." });
  });
}

const resetPasswordSchema = z.object({ password: passwordSchema });

/** Sets a new password for a user who lost theirs; their browser sessions end. */
export async function resetPasswordAction(userId: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return asAdmin(async (session) => {
    const parsed = resetPasswordSchema.safeParse({ password: formData.get("password") ?? undefined });
    if (!parsed.success) return validationFailed(parsed.error);
    return applyUpdate({
      session,
      userId,
      input: parsed.data,
      message: "Password set, and the user's browser sessions ended. Give them the new password in person or over a secure channel.",
    });
  });
}

/** Lets an account sign in again at once after failed sign-ins. */
export async function unlockUserAction(userId: string, _prev: ActionState): Promise<ActionState> {
  return asAdmin((session) => applyUpdate({ session, userId, input: { unlock: true }, message: "Unlocked: the account can sign in again now." }));
}

async function applyUpdate({ session, userId, input, message }: { session: AdminSession; userId: string; input: UpdateUserInput; message: string }): Promise<ActionState> {
  try {
    await updateUser({ id: userId, input, actor: session.user, actorSessionId: session.sessionId });
  } catch (error) {
    return actionFailed(error);
  }
  revalidatePath("/admin/users");
  return { status: "success", message };
}
