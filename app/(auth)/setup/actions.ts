"use server";

import { signIn } from "@/lib/auth";
import { actionFailed, keepValues, validationFailed, type ActionState } from "@/lib/http";
import { createFirstAdmin, createUserSchema } from "@/lib/users";

export async function createFirstAdminAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return keepValues(await createAndSignIn(formData), formData, ["name", "email"]);
}

async function createAndSignIn(formData: FormData): Promise<ActionState> {
  const parsed = createUserSchema.omit({ role: true }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailed(parsed.error);
  if (formData.get("password") !== formData.get("confirmPassword")) {
    return { status: "error", message: "The two passwords differ.", fieldErrors: { confirmPassword: "Type the same password twice." } };
  }
  try {
    await createFirstAdmin(parsed.data);
  } catch (error) {
    return actionFailed(error);
  }
  // Signs the new administrator in; throws Next's redirect on success.
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/projects" });
  return { status: "success" };
}
