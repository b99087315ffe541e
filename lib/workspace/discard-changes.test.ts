import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deletePath } from "./delete-path";
import { discardChanges } from "./discard-changes";
import { getStatus } from "./get-status";
import { readFile } from "./read-file";
import { cloneRepo, contextFor, createSeedRepo, encode, removeTempDirs } from "./test-support/fixture-repo";
import { writeFile } from "./write-file";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

describe("discardChanges", () => {
  it("drops the changes to the given files and everything under the given folders", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await writeFile({ ctx, path: "README.md", content: encode("x\n") });
    await writeFile({ ctx, path: "src/app.py", content: encode("y\n") });
    await deletePath({ ctx, path: "src/lib" });
    await writeFile({ ctx, path: "srcx.txt", content: encode("not under src\n") });
    await discardChanges({ ctx, paths: ["src", "README.md", "never-changed.txt"] });
    expect(await getStatus({ ctx })).toEqual([{ path: "srcx.txt", kind: "new", conflict: false }]);
    expect((await readFile({ ctx, path: "src/lib/util.py" })).text).toBe("def util():\n    return 1\n");
  });

  it("refuses bad paths", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await expect(discardChanges({ ctx, paths: ["../x"] })).rejects.toMatchObject({ code: "invalid" });
  });
});
