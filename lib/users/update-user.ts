import { countEnabledAdmins, getUserById, updateUserRow, type User } from "../db";
import { recordEvent } from "../audit";
import { AppError, notFound } from "../errors";
import type { UpdateUserInput } from "./schema";

/** Changes a user's role, name or disabled flag (admin only; checked by the caller). */
export function updateUser({ id, input, actor }: { id: string; input: UpdateUserInput; actor: User }): User {
  const user = getUserById({ id });
  if (!user) throw notFound("That user");
  const losesAdmin = user.role === "admin" && ((input.role && input.role !== "admin") || (input.disabled && !user.disabled));
  if (losesAdmin && !user.disabled && countEnabledAdmins() <= 1) {
    throw new AppError("conflict", "This is the last enabled administrator. Make another user an administrator first.");
  }
  const updated = updateUserRow({ id, changes: input });
  if (!updated) throw notFound("That user");
  recordEvent({
    action: "user.updated",
    actor: actor,
    detail: { userId: id, email: user.email, changes: input },
  });
  return updated;
}
