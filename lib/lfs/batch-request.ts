import { z } from "zod";

/** The most objects one batch request may name (git-lfs sends 100 at a time). */
export const MAX_BATCH_OBJECTS = 1000;

/** A batch request as git-lfs's batch.md describes it; object ids are checked one by one in the answer. */
export const batchRequestSchema = z.object({
  operation: z.enum(["download", "upload"], { message: 'Set "operation" to "download" or "upload".' }),
  transfers: z.array(z.string()).optional(),
  ref: z.object({ name: z.string() }).nullish(),
  objects: z
    .array(
      z.object({
        oid: z.string({ message: 'Give each object an "oid" (its SHA-256 in hex).' }),
        size: z.number({ message: 'Give each object a "size" in bytes.' }).int("An object's size is a whole number of bytes.").nonnegative("An object's size cannot be negative."),
      }),
    )
    .max(MAX_BATCH_OBJECTS, `Ask for at most ${MAX_BATCH_OBJECTS} objects in one batch.`),
  hash_algo: z.string().optional(),
});

export type BatchRequest = z.infer<typeof batchRequestSchema>;

/**
 * The transfer adapter to answer with: `basic`, the only one Benchtop's git
 * server speaks, when the client offers it (or offers none, which means basic).
 * Undefined when the client can use none the server has.
 */
export function chooseTransfer(transfers: string[] | undefined): "basic" | undefined {
  return !transfers || transfers.length === 0 || transfers.includes("basic") ? "basic" : undefined;
}
