import { describe, expect, it } from "vitest";
import { DEFAULT_LOCK_LIMIT, lockPageSchema, MAX_LOCK_LIMIT, pageOfLocks } from "./lock-pages";

const rows = (...paths: string[]) => paths.map((path) => ({ path }));

describe("pages of locks", () => {
  it("gives a cursor only when a row beyond the limit says there is more", () => {
    expect(pageOfLocks(rows("a", "b"), 2)).toEqual({ locks: rows("a", "b"), nextCursor: undefined });
    const page = pageOfLocks(rows("a", "b", "c"), 2);
    expect(page.locks).toEqual(rows("a", "b"));
    expect(lockPageSchema.parse({ cursor: page.nextCursor }).cursor).toBe("b");
  });

  it("reads the cursor back to the path it came from, even with slashes and spaces", () => {
    const { nextCursor } = pageOfLocks(rows("data/my model.bin", "z"), 1);
    expect(lockPageSchema.parse({ cursor: nextCursor })).toEqual({ cursor: "data/my model.bin", limit: DEFAULT_LOCK_LIMIT });
  });

  it("bounds the limit and refuses cursors it did not give", () => {
    expect(lockPageSchema.parse({}).limit).toBe(DEFAULT_LOCK_LIMIT);
    expect(lockPageSchema.parse({ limit: "", cursor: "" })).toEqual({ cursor: undefined, limit: DEFAULT_LOCK_LIMIT });
    expect(lockPageSchema.parse({ limit: "5" }).limit).toBe(5);
    expect(lockPageSchema.parse({ limit: 100_000 }).limit).toBe(MAX_LOCK_LIMIT);
    expect(lockPageSchema.safeParse({ limit: "0" }).success).toBe(false);
    expect(lockPageSchema.safeParse({ limit: "many" }).success).toBe(false);
    expect(lockPageSchema.safeParse({ cursor: "not base64url!" }).success).toBe(false);
  });
});
