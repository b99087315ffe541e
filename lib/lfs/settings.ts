import { z } from "zod";
import { recordEvent } from "../audit";
import { readSetting, writeSetting, type User } from "../db";
import { formatBytes } from "../projects";

const MAX_OBJECT_KEY = "lfs.maxObjectBytes";
const GB = 1024 ** 3;

/** The largest object the server takes unless an administrator says otherwise: 5 GB. */
export const DEFAULT_MAX_OBJECT_BYTES = 5 * GB;
/** A bound on the setting itself, beyond any file a person would put in git: 1 TB. */
export const LARGEST_ALLOWED_LIMIT = 1024 * GB;

export const lfsSettingsInputSchema = z.object({
  maxObjectBytes: z
    .number({ message: "Give the largest object size as a whole number of bytes." })
    .int("Give the largest object size as a whole number of bytes.")
    .min(1, "The largest object size must be at least 1 byte.")
    .max(LARGEST_ALLOWED_LIMIT, `The largest object size can be at most ${formatBytes(LARGEST_ALLOWED_LIMIT)}.`),
});

export type LfsSettingsInput = z.infer<typeof lfsSettingsInputSchema>;
/** The limit in force, and the one that applies until an administrator sets another. */
export type LfsSettings = { maxObjectBytes: number; defaultMaxObjectBytes: number };

/** The per-object size limit in force (read on every request, so a change applies at once on every instance). */
export function getLfsSettings(): LfsSettings {
  const stored = lfsSettingsInputSchema.shape.maxObjectBytes.safeParse(readSetting({ key: MAX_OBJECT_KEY }));
  return { maxObjectBytes: stored.success ? stored.data : DEFAULT_MAX_OBJECT_BYTES, defaultMaxObjectBytes: DEFAULT_MAX_OBJECT_BYTES };
}

/** Sets the per-object size limit, audited as admin.lfs_updated. */
export function updateLfsSettings({ input, actor }: { input: LfsSettingsInput; actor: Pick<User, "id" | "email"> }): LfsSettings {
  const previous = getLfsSettings().maxObjectBytes;
  writeSetting({ key: MAX_OBJECT_KEY, value: input.maxObjectBytes });
  recordEvent({ action: "admin.lfs_updated", actor, detail: { maxObjectBytes: input.maxObjectBytes, previous } });
  return getLfsSettings();
}

const MB = 1024 ** 2;

/** The Large files page's form: the limit in megabytes (1024 × 1024 bytes, as formatBytes counts), turned into the API's input. */
export const lfsSettingsFormSchema = z
  .object({
    maxObjectMegabytes: z.coerce
      .number({ message: "Give the largest file size in MB, such as 5120 for 5 GB." })
      .positive("Give a size above 0 MB.")
      .max(LARGEST_ALLOWED_LIMIT / MB, `Give at most ${LARGEST_ALLOWED_LIMIT / MB} MB (${formatBytes(LARGEST_ALLOWED_LIMIT)}).`),
  })
  .transform(({ maxObjectMegabytes }): LfsSettingsInput => ({ maxObjectBytes: Math.max(1, Math.round(maxObjectMegabytes * MB)) }));

/** A limit in megabytes for the form's field, without a trailing ".00". */
export const toMegabytes = (bytes: number): string => String(Math.round((bytes / MB) * 100) / 100);
