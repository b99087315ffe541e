"use server";

import { headers } from "next/headers";
import { clientAddress, requireActionSession } from "@/lib/auth";
import { actionFailed, validationFailed, type ActionState } from "@/lib/http";
import { changeOwnPassword } from "@/lib/users";
import { changePasswordFormSchema } from "./schema";

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = changePasswordFormSchema.safeParse({
    currentPassword: formData.get("currentPassword") ?? undefined,
    newPassword: formData.get("newPassword") ?? undefined,
    confirmPassword: formData.get("confirmPassword") ?? undefined,
  });
  if (!parsed.success) return validationFailed(parsed.error);
  try {
    const { user, sessionId } = await requireActionSession();
    const { currentPassword, newPassword } = parsed.data;
    await changeOwnPassword({ user, input: { currentPassword, newPassword }, address: clientAddress(await headers()), sessionId });
  } catch (error) {
    return actionFailed(error);
  }
  return { status: "success", message: "Password changed. You stay signed in here; every other browser signed in as you has been signed out." };
}
