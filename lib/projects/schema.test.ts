import { describe, expect, it } from "vitest";
import { branchNameSchema, projectNameSchema } from "./schema";

describe("projectNameSchema", () => {
  it.each(["a", "models", "Churn_2024-v2.1", "x".repeat(100), "-dash", "_under"])("accepts %s", (name) => {
    expect(projectNameSchema.safeParse(name).success).toBe(true);
  });
  it.each(["", ".hidden", "x".repeat(101), "has space", "slash/name", "ümlaut", "semi;colon"])("refuses %s", (name) => {
    expect(projectNameSchema.safeParse(name).success).toBe(false);
  });
});

describe("branchNameSchema", () => {
  it.each(["main", "feature/x", "release-1.2"])("accepts %s", (b) => expect(branchNameSchema.safeParse(b).success).toBe(true));
  it.each(["", "a..b", "-x", "a b", "x.lock", "a//b", "end/", "@", "a:b"])("refuses %s", (b) => expect(branchNameSchema.safeParse(b).success).toBe(false));
});
