import { countEnabledAdmins, getUserById, updateUserRow, type User } from "../db";
import { recordEvent } from "../audit";
import { hashPassword } from "../auth/password";
import { clearSignInFailures } from "../auth/sign-in-limit";
import { AppError, notFound } from "../errors";
import { endSessionsAfterChange, type SessionEndReason } from "./end-sessions";
import type { UpdateUserInput } from "./schema";

/**
 * An administrator's change to a user (checked by the caller): role, name, disabled
 * flag, a new password, or an unlock after failed sign-ins. A new password, a new role
 * or disabling ends the user's browser sessions, except `actorSessionId` (the
 * administrator's own, when they edit themselves).
 */
export async function updateUser({ id, input, actor, actorSessionId }: { id: string; input: UpdateUserInput; actor: User; actorSessionId?: string }): Promise<User> {
  const user = getUserById({ id });
  if (!user) throw notFound("That user");
  const { password, unlock, ...changes } = input;
  if (password !== undefined && user.id === actor.id) {
    throw new AppError("forbidden", "Change your own password in Settings, Account: it asks for your current one.", { fields: { password: "Change your own password in Settings, Account." } });
  }
  const losesAdmin = user.role === "admin" && ((changes.role && changes.role !== "admin") || (changes.disabled && !user.disabled));
  if (losesAdmin && !user.disabled && countEnabledAdmins() <= 1) {
    throw new AppError("conflict", "This is the last enabled administrator. Make another user an administrator first.");
  }
  const passwordHash = password === undefined ? undefined : await hashPassword(password);
  const rowChanges = { ...changes, ...(passwordHash ? { passwordHash } : {}) };
  // An unlock alone (or an empty body) changes no column.
  const updated = Object.keys(rowChanges).length > 0 ? updateUserRow({ id, changes: rowChanges }) : user;
  if (!updated) throw notFound("That user");

  const detail = { userId: id, email: user.email };
  if (Object.keys(changes).length > 0) recordEvent({ action: "user.updated", actor, detail: { ...detail, changes } });
  if (passwordHash) recordEvent({ action: "user.password_reset", actor, detail });
  if (unlock) recordEvent({ action: "user.unlocked", actor, detail: { ...detail, failuresCleared: clearSignInFailures({ email: user.email }) } });

  const reason: SessionEndReason | undefined = passwordHash
    ? "password_reset"
    : changes.disabled && !user.disabled
      ? "disabled"
      : changes.role && changes.role !== user.role
        ? "role_changed"
        : undefined;
  if (reason) endSessionsAfterChange({ user, actor, reason, exceptId: actorSessionId });
  return updated;
}
