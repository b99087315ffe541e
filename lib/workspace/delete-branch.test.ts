import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitChanges } from "./commit-changes";
import { createBranch } from "./create-branch";
import { deleteBranch } from "./delete-branch";
import { switchBranch } from "./switch-branch";
import { cloneRepo, contextFor, createSeedRepo, encode, git, removeTempDirs } from "./test-support/fixture-repo";
import { writeFile } from "./write-file";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

describe("deleteBranch", () => {
  it("deletes a branch whose commits are kept elsewhere", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    await createBranch({ ctx, name: "topic" });
    await deleteBranch({ ctx, name: "topic" });
    expect(git(dir, ["branch", "--list", "topic"])).toBe("");
    // A local copy of a remote branch: its commits are on the remote.
    await switchBranch({ ctx, name: "feature" });
    await switchBranch({ ctx, name: "main" });
    await deleteBranch({ ctx, name: "feature" });
  });

  it("refuses the current branch, unknown branches, and unpushed work unless forced", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    await expect(deleteBranch({ ctx, name: "main" })).rejects.toMatchObject({ code: "invalid" });
    await expect(deleteBranch({ ctx, name: "nope" })).rejects.toMatchObject({ code: "not_found" });
    await createBranch({ ctx, name: "work" });
    await switchBranch({ ctx, name: "work" });
    await writeFile({ ctx, path: "w.txt", content: encode("w\n") });
    await commitChanges({ ctx, message: "Local only" });
    await switchBranch({ ctx, name: "main" });
    await expect(deleteBranch({ ctx, name: "work" })).rejects.toMatchObject({ code: "unpushed" });
    await deleteBranch({ ctx, name: "work", force: true });
    expect(git(dir, ["branch", "--list", "work"])).toBe("");
  });
});
