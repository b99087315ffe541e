// The Git LFS batch API as git-lfs documents it (docs/api/batch.md,
// basic-transfers.md): what the gateway accepts from a client and what it
// reads in a host's answer. Only what is checked here is passed on.
import { z } from "zod";

const oidSchema = z.string().regex(/^[0-9a-f]{64}$/, "an object id is 64 lower-case hex digits (SHA-256)");
const sizeSchema = z.number().int().min(0);

export const batchRequestSchema = z.object({
  operation: z.enum(["download", "upload"]),
  transfers: z.array(z.string()).optional(),
  ref: z.object({ name: z.string().min(1).max(1024) }).nullish(),
  objects: z.array(z.object({ oid: oidSchema, size: sizeSchema })).min(1).max(1000),
  hash_algo: z.literal("sha256").optional(),
});
export type BatchRequest = z.infer<typeof batchRequestSchema>;

export const ACTION_NAMES = ["download", "upload", "verify"] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** The method the basic transfer adapter uses for each action. */
export const ACTION_METHODS = { download: "GET", upload: "PUT", verify: "POST" } as const satisfies Record<ActionName, string>;

export const actionSchema = z.object({
  href: z.string().url(),
  header: z.record(z.string(), z.string()).optional(),
  expires_in: z.number().int().optional(),
  expires_at: z.string().optional(),
});
export type Action = z.infer<typeof actionSchema>;

const objectErrorSchema = z.object({ code: z.number().int(), message: z.string() });

export const batchAnswerSchema = z.object({
  transfer: z.string().optional(),
  objects: z.array(
    z.object({
      oid: oidSchema,
      size: sizeSchema,
      authenticated: z.boolean().optional(),
      actions: z.record(z.string(), actionSchema).optional(),
      error: objectErrorSchema.optional(),
    }),
  ),
  hash_algo: z.string().optional(),
});
export type BatchAnswer = z.infer<typeof batchAnswerSchema>;

/** What the gateway answers: the same shape, every action pointing at the gateway and carrying no header. */
export type RelayedBatchAnswer = {
  transfer: "basic";
  objects: {
    oid: string;
    size: number;
    authenticated?: true;
    actions?: Partial<Record<ActionName, { href: string; expires_in: number; expires_at: string }>>;
    error?: { code: number; message: string };
  }[];
  hash_algo?: string;
};
