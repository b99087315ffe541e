import { and, count, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { newId } from "../ids";
import { notifications, type Notification } from "../schema";

export function insertNotification(values: Pick<Notification, "userId" | "kind" | "message" | "projectId">): Notification {
  return getDb()
    .insert(notifications)
    .values({ id: newId(), ...values })
    .returning()
    .get();
}

/** A user's notifications (only the unread ones with `unread`), newest first. */
export function listNotificationsOf({ userId, unread, limit, offset }: { userId: string; unread: boolean; limit: number; offset: number }): Notification[] {
  return getDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), unread ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .offset(offset)
    .all();
}

export function countUnreadNotifications({ userId }: { userId: string }): number {
  return getDb().select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).get()?.n ?? 0;
}

/** Marks one of the user's notifications read (once: a second call keeps the first time); false when they have no such notification. */
export function markNotificationRead({ id, userId }: { id: string; userId: string }): boolean {
  const mine = and(eq(notifications.id, id), eq(notifications.userId, userId));
  const found = getDb().select({ id: notifications.id }).from(notifications).where(mine).get();
  if (!found) return false;
  getDb().update(notifications).set({ readAt: new Date() }).where(and(mine, isNull(notifications.readAt))).run();
  return true;
}

/** Marks every unread notification of the user read; answers how many were. */
export function markAllNotificationsRead({ userId }: { userId: string }): number {
  return getDb()
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .run().changes;
}
