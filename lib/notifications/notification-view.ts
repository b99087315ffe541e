import type { Notification } from "../db";

/** A notification as the API and pages show it. */
export type NotificationView = { id: string; kind: string; message: string; projectId: string | null; at: string; read: boolean };

export function toNotificationView(notification: Notification): NotificationView {
  return {
    id: notification.id,
    kind: notification.kind,
    message: notification.message,
    projectId: notification.projectId,
    at: notification.createdAt.toISOString(),
    read: notification.readAt !== null,
  };
}
