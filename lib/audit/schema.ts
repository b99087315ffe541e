import { z } from "zod";
import { paginationSchema } from "../http/pagination";

export const auditQuerySchema = paginationSchema.extend({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(320).optional(),
  format: z.enum(["json", "csv"], { error: "format is 'json' or 'csv'." }).default("json"),
});
