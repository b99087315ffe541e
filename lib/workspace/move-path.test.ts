import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStatus } from "./get-status";
import { movePath } from "./move-path";
import { readFile } from "./read-file";
import { cloneRepo, contextFor, createSeedRepo, encode, removeTempDirs } from "./test-support/fixture-repo";
import { writeFile } from "./write-file";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

describe("movePath", () => {
  it("moves a file, keeping its mode and edits", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await writeFile({ ctx, path: "scripts/run.sh", content: encode("#!/bin/sh\necho edited\n") });
    await movePath({ ctx, from: "scripts/run.sh", to: "bin/run" });
    expect(await getStatus({ ctx })).toEqual([
      { path: "bin/run", kind: "new", conflict: false },
      { path: "scripts/run.sh", kind: "deleted", conflict: false },
    ]);
    expect(await ctx.overlay.get("bin/run")).toMatchObject({ mode: "100755" });
    expect((await readFile({ ctx, path: "bin/run" })).text).toBe("#!/bin/sh\necho edited\n");
  });

  it("moves a folder with committed and new files", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await writeFile({ ctx, path: "src/lib/new.py", content: encode("new\n") });
    await movePath({ ctx, from: "src/lib", to: "pkg" });
    expect((await getStatus({ ctx })).map((c) => `${c.kind} ${c.path}`)).toEqual([
      "new pkg/deep/nested.txt",
      "new pkg/new.py",
      "new pkg/util.py",
      "deleted src/lib/deep/nested.txt",
      "deleted src/lib/util.py",
    ]);
  });

  it("moving a file back where it was leaves no change", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await movePath({ ctx, from: "README.md", to: "README.txt" });
    await movePath({ ctx, from: "README.txt", to: "README.md" });
    expect(await getStatus({ ctx })).toEqual([]);
  });

  it("refuses an existing target, a missing source and a folder into itself", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await expect(movePath({ ctx, from: "README.md", to: "src/app.py" })).rejects.toMatchObject({ code: "exists" });
    await expect(movePath({ ctx, from: "README.md", to: "src" })).rejects.toMatchObject({ code: "exists" });
    await expect(movePath({ ctx, from: "nope", to: "elsewhere" })).rejects.toMatchObject({ code: "not_found" });
    await expect(movePath({ ctx, from: "src", to: "src/inner" })).rejects.toMatchObject({ code: "invalid" });
    expect(await getStatus({ ctx })).toEqual([]);
  });
});
