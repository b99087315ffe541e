import { markAllNotificationsRead, markNotificationRead, type User } from "../db";
import { notFound } from "../errors";

/**
 * Marks one notification read. Only its recipient can: anyone else's id
 * answers not_found, exactly like an id that does not exist.
 */
export function markRead({ user, id }: { user: Pick<User, "id">; id: string }): void {
  if (!markNotificationRead({ id, userId: user.id })) throw notFound("That notification");
}

/** Marks every unread notification of the user read. */
export function markAllRead({ user }: { user: Pick<User, "id"> }): void {
  markAllNotificationsRead({ userId: user.id });
}
