import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitChanges } from "./commit-changes";
import { createBranch } from "./create-branch";
import { getStatus } from "./get-status";
import { listDirectory } from "./list-directory";
import { writeMerge } from "./merge-state";
import { readFile } from "./read-file";
import { switchBranch } from "./switch-branch";
import { cloneRepo, contextFor, createSeedRepo, encode, git, removeTempDirs } from "./test-support/fixture-repo";
import { writeFile } from "./write-file";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

describe("switchBranch", () => {
  it("switches to a branch that is only on the remote by creating it, with no checkout", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    const result = await switchBranch({ ctx, name: "feature" });
    const remote = git(dir, ["rev-parse", "origin/feature"]);
    expect(result).toMatchObject({ cloned: true, branch: "feature", head: remote, remoteHead: remote, unpushed: 0, changes: 0 });
    expect(git(dir, ["symbolic-ref", "HEAD"])).toBe("refs/heads/feature");
    expect(git(dir, ["rev-parse", "refs/heads/feature"])).toBe(remote);
    expect(git(dir, ["config", "branch.feature.merge"])).toBe("refs/heads/feature");
    expect((await listDirectory({ ctx, path: "" })).map((e) => e.name)).toContain("feature.txt");
    expect((await readFile({ ctx, path: "README.md" })).text).toBe("# Fixture\n\nChanged on feature.\n");
    await switchBranch({ ctx, name: "main" });
    expect(git(dir, ["symbolic-ref", "HEAD"])).toBe("refs/heads/main");
  });

  it("refuses with uncommitted changes unless they are carried", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await writeFile({ ctx, path: "src/app.py", content: encode("carried\n") });
    await expect(switchBranch({ ctx, name: "feature" })).rejects.toMatchObject({ code: "dirty", paths: ["src/app.py"] });
  });

  it("carries changes whose files are the same on the target branch", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    await writeFile({ ctx, path: "src/app.py", content: encode("carried\n") }); // same blob on feature
    await writeFile({ ctx, path: "brand-new.txt", content: encode("new\n") });
    await switchBranch({ ctx, name: "feature", carryChanges: true });
    expect(await getStatus({ ctx })).toEqual([
      { path: "brand-new.txt", kind: "new", conflict: false },
      { path: "src/app.py", kind: "modified", conflict: false },
    ]);
    expect((await readFile({ ctx, path: "src/app.py" })).text).toBe("carried\n");
    const info = await commitChanges({ ctx, message: "On feature" });
    expect(info.parents).toEqual([git(dir, ["rev-parse", "origin/feature"])]);
    expect(git(dir, ["ls-tree", "-r", "--name-only", "feature"]).split("\n")).toEqual(expect.arrayContaining(["feature.txt", "brand-new.txt", "src/app.py"]));
  });

  it("refuses to carry changes to files that differ on the target branch", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    await writeFile({ ctx, path: "README.md", content: encode("mine\n") }); // differs on feature
    await writeFile({ ctx, path: "feature.txt", content: encode("also mine\n") }); // exists only on feature
    await writeFile({ ctx, path: "src/app.py", content: encode("fine\n") });
    await expect(switchBranch({ ctx, name: "feature", carryChanges: true })).rejects.toMatchObject({ code: "conflict", paths: ["README.md", "feature.txt"] });
    expect(git(dir, ["symbolic-ref", "HEAD"])).toBe("refs/heads/main");
  });

  it("refuses during a merge and for unknown branches", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await expect(switchBranch({ ctx, name: "nope" })).rejects.toMatchObject({ code: "not_found" });
    await expect(switchBranch({ ctx, name: "bad..name" })).rejects.toMatchObject({ code: "invalid" });
    await createBranch({ ctx, name: "other" });
    await writeMerge(ctx.overlay, { ours: "a".repeat(40), theirs: "b".repeat(40), mergedTree: "c".repeat(40), conflicts: [] });
    await expect(switchBranch({ ctx, name: "other" })).rejects.toMatchObject({ code: "merging" });
  });
});
