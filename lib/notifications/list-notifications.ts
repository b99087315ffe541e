import { countUnreadNotifications, listNotificationsOf, type User } from "../db";
import { toNotificationView, type NotificationView } from "./notification-view";

/** A page of the user's notifications, newest first, with how many are unread in all. */
export function listNotifications({
  user,
  unread = false,
  page = 1,
  perPage = 50,
}: {
  user: Pick<User, "id">;
  /** Only the unread ones. */
  unread?: boolean;
  page?: number;
  perPage?: number;
}): { notifications: NotificationView[]; unread: number; nextPage: number | null } {
  const rows = listNotificationsOf({ userId: user.id, unread, limit: perPage + 1, offset: (page - 1) * perPage });
  return {
    notifications: rows.slice(0, perPage).map(toNotificationView),
    unread: countUnreadNotifications({ userId: user.id }),
    nextPage: rows.length > perPage ? page + 1 : null,
  };
}

/** How many of the user's notifications are unread (the header's bell). */
export function countUnread({ user }: { user: Pick<User, "id"> }): number {
  return countUnreadNotifications({ userId: user.id });
}
