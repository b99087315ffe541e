import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBranch } from "./create-branch";
import { listBranches } from "./list-branches";
import { cloneRepo, contextFor, createSeedRepo, git, removeTempDirs } from "./test-support/fixture-repo";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

describe("listBranches", () => {
  it("lists local branches with the current one, then branches only on the remote", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    await createBranch({ ctx, name: "topic/one" });
    const head = git(dir, ["rev-parse", "HEAD"]);
    expect(await listBranches({ ctx })).toEqual([
      { name: "main", current: true, commit: head, remote: false },
      { name: "topic/one", current: false, commit: head, remote: false },
      { name: "feature", current: false, commit: git(dir, ["rev-parse", "origin/feature"]), remote: true },
    ]);
  });
});
