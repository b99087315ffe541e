import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deletePath } from "./delete-path";
import { getStatus } from "./get-status";
import { cloneRepo, contextFor, createSeedRepo, encode, removeTempDirs } from "./test-support/fixture-repo";
import { writeFile } from "./write-file";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

describe("getStatus", () => {
  it("is empty on a fresh copy", async () => {
    expect(await getStatus({ ctx: contextFor(cloneRepo(seed)) })).toEqual([]);
  });

  it("lists new, modified, deleted and conflicted paths, sorted", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await writeFile({ ctx, path: "z-new.txt", content: encode("z\n") });
    await writeFile({ ctx, path: "README.md", content: encode("m\n") });
    await deletePath({ ctx, path: "notes/a.txt" });
    const entry = (await ctx.overlay.get("README.md"))!;
    await ctx.overlay.put({ ...entry, conflict: true });
    expect(await getStatus({ ctx })).toEqual([
      { path: "README.md", kind: "modified", conflict: true },
      { path: "notes/a.txt", kind: "deleted", conflict: false },
      { path: "z-new.txt", kind: "new", conflict: false },
    ]);
  });
});
