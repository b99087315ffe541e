/** A window event: something on this page made or read notifications, so the bell counts again. */
export const NOTIFICATIONS_CHANGED = "benchtop:notifications-changed";

export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}
