export { countUnread, listNotifications } from "./list-notifications";
export { markAllRead, markRead } from "./mark-read";
export { notify, NOTIFICATION_MESSAGE_MAX, toPlainText, type NotificationKind } from "./notify";
export { toNotificationView, type NotificationView } from "./notification-view";
export { listNotificationsQuerySchema } from "./schema";
