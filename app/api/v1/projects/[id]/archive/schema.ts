import { z } from "zod";
import { archiveFormats, archiveRefSchema } from "@/lib/archives";

/** `?ref=HEAD&format=zip|tar.gz&history=false|true` (docs/api.md, "Projects"). */
export const archiveQuerySchema = z.object({
  ref: archiveRefSchema.default("HEAD"),
  format: z.enum(archiveFormats, { error: "format is 'zip' or 'tar.gz'." }).default("zip"),
  history: z
    .enum(["true", "false"], { error: "history is 'true' or 'false'." })
    .default("false")
    .transform((value) => value === "true"),
});
