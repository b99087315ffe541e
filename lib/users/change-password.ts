import { updateUserRow, type User } from "../db";
import { recordEvent } from "../audit";
import { hashPassword } from "../auth/password";
import { verifyCredentials } from "../auth/verify-credentials";
import { AppError, isAppError } from "../errors";
import { endSessionsAfterChange } from "./end-sessions";
import type { ChangePasswordInput } from "./schema";

/**
 * A user changes their own password. The current one is checked like a sign-in (a
 * wrong one counts toward the sign-in limit, so a borrowed session cannot guess it).
 * Ends the user's other browser sessions; `sessionId` (the one asking) stays.
 */
export async function changeOwnPassword({ user, input, address, sessionId }: { user: User; input: ChangePasswordInput; address: string; sessionId?: string }): Promise<void> {
  try {
    await verifyCredentials({ email: user.email, password: input.currentPassword, address });
  } catch (error) {
    if (isAppError(error) && error.apiCode === "unauthorized") {
      const message = "Your current password is not right. Enter the one you sign in with.";
      throw new AppError("invalid_input", message, { fields: { currentPassword: message } });
    }
    throw error;
  }
  if (input.newPassword === input.currentPassword) {
    const message = "Choose a new password that differs from the current one.";
    throw new AppError("invalid_input", message, { fields: { newPassword: message } });
  }
  updateUserRow({ id: user.id, changes: { passwordHash: await hashPassword(input.newPassword) } });
  recordEvent({ action: "user.password_changed", actor: user, detail: { userId: user.id, email: user.email } });
  endSessionsAfterChange({ user, actor: user, reason: "password_changed", exceptId: sessionId });
}
