import { insertNotification, type Notification } from "../db";

/** The longest message a notification keeps; longer text is cut with an ellipsis. */
export const NOTIFICATION_MESSAGE_MAX = 2000;

/** What a notification is about, for scripts; the message says it for a person. */
export type NotificationKind = "operation.failed" | "deployment.failed";

/**
 * Plain text on one line: control characters (line breaks included) become
 * spaces, and the text is cut to `max` characters. Messages are shown as text,
 * never as HTML, so nothing else needs escaping.
 */
export function toPlainText(text: string, max = NOTIFICATION_MESSAGE_MAX): string {
  const flat = text.replace(/[\p{Cc}\u2028\u2029]+/gu, " ").replace(/\s{2,}/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Tells one user something, optionally about a project; the message is stored as plain text. */
export function notify({ userId, kind, message, projectId = null }: { userId: string; kind: NotificationKind; message: string; projectId?: string | null }): Notification {
  return insertNotification({ userId, kind, message: toPlainText(message), projectId });
}
