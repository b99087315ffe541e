import { z } from "zod";
import { paginationSchema } from "../http/pagination";

/** GET /api/v1/notifications: `?unread=true` for the unread ones only, paged. */
export const listNotificationsQuerySchema = paginationSchema.extend({
  unread: z
    .enum(["true", "false"], { error: "unread is 'true' or 'false'." })
    .default("false")
    .transform((value) => value === "true"),
});
