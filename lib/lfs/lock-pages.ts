import { z } from "zod";

/** Locks answered per page unless the client asks for fewer (git-lfs asks for 100 or none). */
export const DEFAULT_LOCK_LIMIT = 100;
export const MAX_LOCK_LIMIT = 1000;

// The cursor is the last path of the page before (locks are listed in path order, one per path), kept opaque.
const encodeCursor = (path: string) => Buffer.from(path, "utf8").toString("base64url");

const cursorSchema = z
  .string()
  .max(8192, "That cursor is not one Benchtop gave: start the list again without it.")
  .transform((cursor, context) => {
    const path = Buffer.from(cursor, "base64url").toString("utf8");
    if (path === "" || encodeCursor(path) !== cursor) {
      context.addIssue({ code: "custom", message: "That cursor is not one Benchtop gave: start the list again without it." });
      return z.NEVER;
    }
    return path;
  });

const limitSchema = z.coerce
  .number({ message: "Give the limit as a whole number." })
  .int("Give the limit as a whole number.")
  .min(1, "Ask for at least one lock.")
  .transform((limit) => Math.min(limit, MAX_LOCK_LIMIT));

/** Where a page starts and how long it is: the list's query string, or the verify request's body. */
export const lockPageSchema = z.object({
  cursor: z.union([z.literal(""), cursorSchema]).optional().transform((path) => path || undefined),
  limit: z.union([z.literal(""), limitSchema]).optional().transform((limit) => (limit === "" || limit === undefined ? DEFAULT_LOCK_LIMIT : limit)),
});

export type LockPage = { afterPath: string | undefined; limit: number };

/**
 * One page of locks read with one row more than the limit: the extra row says
 * there is a next page, whose cursor is this page's last path.
 */
export function pageOfLocks<T extends { path: string }>(rows: T[], limit: number): { locks: T[]; nextCursor: string | undefined } {
  const locks = rows.slice(0, limit);
  const last = locks[locks.length - 1];
  return { locks, nextCursor: rows.length > limit && last ? encodeCursor(last.path) : undefined };
}
