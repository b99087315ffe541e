// The Git LFS API's answers as git-lfs documents them (docs/api/batch.md,
// basic-transfers.md and locking.md, shipped in Debian's git-lfs package),
// written out strictly so that the emulators' tests catch any field the
// documents do not have: an emulator fitted to Benchtop would prove nothing.
import { z } from "zod";

const action = z.strictObject({
  href: z.string().url(),
  header: z.record(z.string(), z.string()).optional(),
  expires_in: z.number().int().min(-2147483647).max(2147483647).optional(),
  expires_at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, "uppercase RFC 3339 with second precision").optional(),
});

export const lfsBatchAnswer = z.strictObject({
  transfer: z.string().optional(),
  objects: z.array(
    z.strictObject({
      oid: z.string(),
      size: z.number().int().min(0),
      authenticated: z.boolean().optional(),
      actions: z.strictObject({ download: action.optional(), upload: action.optional(), verify: action.optional() }).optional(),
      error: z.strictObject({ code: z.number().int(), message: z.string() }).optional(),
    }),
  ),
  hash_algo: z.string().optional(),
});

/** Every refusal: `message`, optionally `request_id` and `documentation_url`. */
export const lfsError = z.strictObject({ message: z.string().min(1), request_id: z.string().optional(), documentation_url: z.string().optional() });

const lock = z.strictObject({ id: z.string(), path: z.string(), locked_at: z.string(), owner: z.strictObject({ name: z.string() }).optional() });

export const lfsLockAnswer = z.strictObject({ lock, message: z.string().optional(), request_id: z.string().optional(), documentation_url: z.string().optional() });
export const lfsLockList = z.strictObject({ locks: z.array(lock), next_cursor: z.string().optional() });
export const lfsLockVerify = z.strictObject({ ours: z.array(lock), theirs: z.array(lock), next_cursor: z.string().optional() });
