import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { branchNameProblem } from "./branch-name";
import { createBranch } from "./create-branch";
import { cloneRepo, contextFor, createSeedRepo, git, removeTempDirs, tempDir } from "./test-support/fixture-repo";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

describe("createBranch", () => {
  it("creates a branch at HEAD without switching", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    await createBranch({ ctx, name: "experiment/lr-0.1" });
    expect(git(dir, ["rev-parse", "experiment/lr-0.1"])).toBe(git(dir, ["rev-parse", "HEAD"]));
    expect(git(dir, ["symbolic-ref", "HEAD"])).toBe("refs/heads/main");
  });

  it("refuses a taken or clashing name", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await expect(createBranch({ ctx, name: "main" })).rejects.toMatchObject({ code: "exists" });
    await expect(createBranch({ ctx, name: "main/sub" })).rejects.toMatchObject({ code: "exists" });
    await createBranch({ ctx, name: "team/a" });
    await expect(createBranch({ ctx, name: "team" })).rejects.toMatchObject({ code: "exists" });
  });

  it("refuses names git refuses, as git check-ref-format --branch does", async () => {
    const ctx = contextFor(cloneRepo(seed));
    const names = ["ok", "feature/x", "a.b", "ünï-code_1", "x@y", ".hidden", "a/.b", "x.lock", "a/b.lock/c", "a..b", "a b", "a~b", "a^b", "a:b", "a?b", "a*b", "a[b", "a\\b", "/a", "a/", "a//b", "a.", "a@{b", "tab\tname"];
    const outside = tempDir("refs"); // not a repository, so no @{-1} expansion
    for (const name of names) {
      const native = spawnSync("git", ["check-ref-format", "--branch", name], { cwd: outside, encoding: "utf8" }).status === 0;
      expect({ name, valid: branchNameProblem(name) === null }).toEqual({ name, valid: native });
    }
    // Outside git's own shorthand ("@" is HEAD to check-ref-format --branch), these are refused too.
    for (const name of ["-x", "HEAD", "@", "", "a..b"]) await expect(createBranch({ ctx, name })).rejects.toMatchObject({ code: "invalid" });
  });

  it("refuses before the first commit", async () => {
    const dir = tempDir("empty");
    git(dir, ["init", "--quiet", "--initial-branch=main"]);
    await expect(createBranch({ ctx: contextFor(dir), name: "x" })).rejects.toMatchObject({ code: "not_found" });
  });
});
