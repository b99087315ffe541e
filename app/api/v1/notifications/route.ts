import { requireApiCaller } from "@/lib/auth";
import { apiRoute, json, readQuery } from "@/lib/http";
import { listNotifications, listNotificationsQuerySchema } from "@/lib/notifications";

/** The caller's notifications, newest first (`?unread=true`: the unread ones), with the unread count. */
export const GET = apiRoute(async (request) => {
  const { user } = await requireApiCaller(request);
  const query = readQuery(request, listNotificationsQuerySchema);
  return json(listNotifications({ user, ...query }));
});
