"use server";

import { headers } from "next/headers";
import { clientAddress, requireActionSession } from "@/lib/auth";
import { actionFailed, validationFailed, type ActionState } from "@/lib/http";
import { changeOwnPassword } from "@/lib/users";
import { changePasswordFormSchema } from "./schema";

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  // Signed in first, then the form is read.
  let session: Awaited<ReturnType<typeof requireActionSession>>;
  try {
    session = await requireActionSession();
  } catch (error) {
    return actionFailed(error);
  }
  const parsed = changePasswordFormSchema.safeParse({
    currentPassword: formData.get("currentPassword") ?? undefined,
    newPassword: formData.get("newPassword") ?? undefined,
    confirmPassword: formData.get("confirmPassword") ?? undefined,
  });
  if (!parsed.success) return validationFailed(parsed.error);
  try {
    const { currentPassword, newPassword } = parsed.data;
    await changeOwnPassword({ user: session.user, input: { currentPassword, newPassword }, address: clientAddress(await headers()), sessionId: session.sessionId });
  } catch (error) {
    return actionFailed(error);
  }
  return { status: "success", message: "Password changed. You stay signed in here; every other browser signed in as you has been signed out." };
}
