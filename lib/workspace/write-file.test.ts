import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deletePath } from "./delete-path";
import { getStatus } from "./get-status";
import { readFile } from "./read-file";
import { cloneRepo, contextFor, createSeedRepo, encode, removeTempDirs } from "./test-support/fixture-repo";
import { writeFile } from "./write-file";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

describe("writeFile", () => {
  it("records a change, and removes it again when the content returns to the committed bytes", async () => {
    const ctx = contextFor(cloneRepo(seed));
    const original = await readFile({ ctx, path: "README.md" });
    await writeFile({ ctx, path: "README.md", content: encode("changed\n") });
    expect(await getStatus({ ctx })).toEqual([{ path: "README.md", kind: "modified", conflict: false }]);
    const back = await writeFile({ ctx, path: "README.md", content: encode(original.text!) });
    expect(back.version).toBe(0);
    expect(await ctx.overlay.list()).toEqual([]);
  });

  it("keeps the committed mode, and gives new files 100644", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await writeFile({ ctx, path: "scripts/run.sh", content: encode("#!/bin/sh\n") });
    await writeFile({ ctx, path: "scripts/new.sh", content: encode("#!/bin/sh\n") });
    expect((await ctx.overlay.get("scripts/run.sh"))?.mode).toBe("100755");
    expect((await ctx.overlay.get("scripts/new.sh"))).toMatchObject({ mode: "100644", baseOid: null });
  });

  it("refuses a save based on an older version (another tab saved meanwhile)", async () => {
    const ctx = contextFor(cloneRepo(seed));
    const opened = await readFile({ ctx, path: "src/app.py" });
    const first = await writeFile({ ctx, path: "src/app.py", content: encode("tab one\n"), expectedVersion: opened.version });
    await expect(writeFile({ ctx, path: "src/app.py", content: encode("tab two\n"), expectedVersion: opened.version })).rejects.toMatchObject({
      code: "conflict",
      paths: ["src/app.py"],
    });
    const second = await writeFile({ ctx, path: "src/app.py", content: encode("tab one again\n"), expectedVersion: first.version });
    expect(second.version).toBeGreaterThan(first.version);
  });

  it("never reuses a version, even after the change was undone", async () => {
    const ctx = contextFor(cloneRepo(seed));
    const committed = (await readFile({ ctx, path: "README.md" })).text!;
    const a = await writeFile({ ctx, path: "README.md", content: encode("A\n") });
    await writeFile({ ctx, path: "README.md", content: encode(committed) });
    const b = await writeFile({ ctx, path: "README.md", content: encode("B\n") });
    expect(b.version).not.toBe(a.version);
    await expect(writeFile({ ctx, path: "README.md", content: encode("stale tab\n"), expectedVersion: a.version })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses folders, files in the way and bad paths", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await expect(writeFile({ ctx, path: "src/lib", content: encode("x") })).rejects.toMatchObject({ code: "exists" });
    await expect(writeFile({ ctx, path: "README.md/inside.txt", content: encode("x") })).rejects.toMatchObject({ code: "exists", paths: ["README.md"] });
    for (const path of ["", "/abs.txt", "a/../b.txt", ".git/config", "a//b", "dir/"]) {
      await expect(writeFile({ ctx, path, content: encode("x") })).rejects.toMatchObject({ code: "invalid" });
    }
    // Once a folder's files are all deleted, a file may take its name.
    await deletePath({ ctx, path: "docs" });
    await writeFile({ ctx, path: "docs", content: encode("now a file\n") });
    expect((await readFile({ ctx, path: "docs" })).text).toBe("now a file\n");
  });
});
