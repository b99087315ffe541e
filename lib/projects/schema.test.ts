import { describe, expect, it } from "vitest";
import { branchNameSchema, projectNameSchema, updateProjectSchema } from "./schema";

describe("projectNameSchema", () => {
  it.each(["a", "models", "Churn_2024-v2.1", "x".repeat(100), "-dash", "_under"])("accepts %s", (name) => {
    expect(projectNameSchema.safeParse(name).success).toBe(true);
  });
  it.each(["", ".hidden", "x".repeat(101), "has space", "slash/name", "ümlaut", "semi;colon"])("refuses %s", (name) => {
    expect(projectNameSchema.safeParse(name).success).toBe(false);
  });

  // Names git hosts refuse (issue 9, item 8): `p1.git` would be cloned from .../p1.git.git.
  it.each(["x".repeat(100), "git", "gitlab", "my.git.tools", "lockfile", "refs-2", "head-office", "info.txt", "v1.2.3", "con1"])("accepts %s", (name) => {
    expect(projectNameSchema.safeParse(name).success).toBe(true);
  });
  it.each([
    ["p1.git", '".git"'],
    ["P1.GIT", '".GIT"'],
    ["feed.atom", '".atom"'],
    ["index.lock", '".lock"'],
    ["docs.wiki", '".wiki"'],
    ["news.rss", '".rss"'],
    ["a..b", "'..'"],
    ["...", "start with '.'"],
    [".", "start with '.'"],
    ["HEAD", "reserved"],
    ["head", "reserved"],
    ["info", "reserved"],
    ["Objects", "reserved"],
    ["refs", "reserved"],
    ["hooks", "reserved"],
    ["config", "reserved"],
    ["packed-refs", "reserved"],
    ["git-receive-pack", "reserved"],
    ["-", "reserved"],
    ["NUL", "reserved"],
    ["com1", "reserved"],
  ])("refuses %s, saying what to do", (name, says) => {
    const result = projectNameSchema.safeParse(name);
    expect(result.success).toBe(false);
    const message = result.error!.issues[0]!.message;
    expect(message).toContain(says);
    expect(message).toMatch(/Leave|Use|Choose|Start/);
  });
});

describe("branchNameSchema", () => {
  it.each(["main", "feature/x", "release-1.2"])("accepts %s", (b) => expect(branchNameSchema.safeParse(b).success).toBe(true));
  it.each(["", "a..b", "-x", "a b", "x.lock", "a//b", "end/", "@", "a:b"])("refuses %s", (b) => expect(branchNameSchema.safeParse(b).success).toBe(false));
});

describe("updateProjectSchema's defaultEditor", () => {
  it.each(["notebook", "code"])("accepts %s", (defaultEditor) => expect(updateProjectSchema.parse({ defaultEditor })).toEqual({ defaultEditor }));
  it.each(["jupyter", "Notebook", " code", "", 0, null])("refuses %j, naming the field and both values", (defaultEditor) => {
    const result = updateProjectSchema.safeParse({ defaultEditor });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(["defaultEditor"]);
    expect(result.error!.issues[0]!.message).toBe('defaultEditor is "notebook" (the notebook view) or "code" (the code editor).');
  });
});
