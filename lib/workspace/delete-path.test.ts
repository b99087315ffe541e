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

describe("deletePath", () => {
  it("deletes a committed file, and simply drops a new one", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await writeFile({ ctx, path: "scratch.txt", content: encode("tmp\n") });
    await deletePath({ ctx, path: "scratch.txt" });
    await deletePath({ ctx, path: "scripts/run.sh" });
    expect(await getStatus({ ctx })).toEqual([{ path: "scripts/run.sh", kind: "deleted", conflict: false }]);
    expect(await ctx.overlay.get("scripts/run.sh")).toMatchObject({ content: null, mode: "100755" });
  });

  it("deletes a whole folder: every committed file inside, new ones dropped, edits replaced", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await writeFile({ ctx, path: "src/lib/new.py", content: encode("new\n") });
    await writeFile({ ctx, path: "src/lib/util.py", content: encode("edited\n") });
    await deletePath({ ctx, path: "src/lib" });
    expect(await getStatus({ ctx })).toEqual([
      { path: "src/lib/deep/nested.txt", kind: "deleted", conflict: false },
      { path: "src/lib/util.py", kind: "deleted", conflict: false },
    ]);
  });

  it("refuses a path with nothing there", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await expect(deletePath({ ctx, path: "nope" })).rejects.toMatchObject({ code: "not_found" });
    await deletePath({ ctx, path: "docs" });
    await expect(deletePath({ ctx, path: "docs" })).rejects.toMatchObject({ code: "not_found" });
  });
});
