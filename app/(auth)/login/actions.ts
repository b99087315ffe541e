"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth";
import { keepValues, validationFailed, type ActionState } from "@/lib/http";
import { safeCallbackUrl, signInSchema } from "./schema";

const messages: Record<string, string> = {
  rate_limited: "Too many failed sign-ins. Wait a little and try again: each further failure makes the wait longer. An administrator can unlock the account.",
  disabled: "This account is disabled. Ask an administrator to enable it.",
  credentials: "The email or password is not right. Check both and try again.",
};

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return keepValues(await attemptSignIn(formData), formData, ["email"]);
}

async function attemptSignIn(formData: FormData): Promise<ActionState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailed(parsed.error);
  const { email, password, callbackUrl } = parsed.data;
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(callbackUrl) });
    return { status: "success" };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { status: "error", message: messages[error.code] ?? messages.credentials };
    }
    if (error instanceof AuthError) {
      return { status: "error", message: "Signing in failed on the server. Try again in a moment." };
    }
    throw error;
  }
}
