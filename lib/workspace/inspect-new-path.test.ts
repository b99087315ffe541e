import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitChanges } from "./commit-changes";
import { createFolder } from "./create-folder";
import { inspectNewPath } from "./inspect-new-path";
import { movePath } from "./move-path";
import { cloneRepo, contextFor, createSeedRepo, encode, git, put, removeTempDirs } from "./test-support/fixture-repo";
import { writeFile } from "./write-file";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

// 300 bytes: pushes fine, and then `git clone` fails for everyone with "File name too long".
const TOO_LONG = `data/${"x".repeat(300)}.csv`;
const refused = { code: "invalid_path", message: expect.stringContaining("use a shorter name") };

describe("names git could not check out", () => {
  it("are refused by every operation that creates or renames a path", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await expect(writeFile({ ctx, path: TOO_LONG, content: encode("a,b\n") })).rejects.toMatchObject(refused);
    await expect(createFolder({ ctx, path: TOO_LONG })).rejects.toMatchObject(refused);
    await expect(movePath({ ctx, from: "README.md", to: TOO_LONG })).rejects.toMatchObject(refused);
    await expect(writeFile({ ctx, path: "src/.git./config", content: encode("x") })).rejects.toMatchObject({ code: "invalid_path" });
    await expect(writeFile({ ctx, path: "notes/tab\there.txt", content: encode("x") })).rejects.toMatchObject({ code: "invalid_path" });
    expect(await ctx.overlay.list()).toEqual([]);
  });

  it("are refused by commit as a last check, whatever put them in the overlay", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    const head = git(dir, ["rev-parse", "HEAD"]);
    await ctx.overlay.put({ path: TOO_LONG, content: encode("a,b\n"), baseOid: null, mode: "100644", version: 1, updatedAt: Date.now() });
    await expect(commitChanges({ ctx, message: "Add data" })).rejects.toMatchObject({ ...refused, paths: [TOO_LONG] });
    expect(git(dir, ["rev-parse", "HEAD"])).toBe(head);
  });

  it("does not stop saving a file that is already in the repository", async () => {
    const origin = cloneRepo(seed);
    put(origin, "notes/tab\there.txt", "old\n");
    git(origin, ["add", "-A"]);
    git(origin, ["commit", "--quiet", "-m", "A name from elsewhere"]);
    const ctx = contextFor(cloneRepo(origin));
    await writeFile({ ctx, path: "notes/tab\there.txt", content: encode("new\n") });
    await commitChanges({ ctx, message: "Edit it" });
  });
});

describe("inspectNewPath", () => {
  it("refuses what the operations refuse", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await expect(inspectNewPath({ ctx, path: TOO_LONG })).rejects.toMatchObject(refused);
    await expect(inspectNewPath({ ctx, path: ".GIT" })).rejects.toMatchObject({ code: "invalid_path" });
  });

  it("warns of a path that differs from an existing one only by case", async () => {
    const ctx = contextFor(cloneRepo(seed));
    expect(await inspectNewPath({ ctx, path: "readme.md" })).toEqual({ caseTwin: "README.md" });
    expect(await inspectNewPath({ ctx, path: "SRC/lib/new.py" })).toEqual({ caseTwin: "src" });
    expect(await inspectNewPath({ ctx, path: "src/LIB" })).toEqual({ caseTwin: "src/lib" });
    expect(await inspectNewPath({ ctx, path: "src/new.py" })).toEqual({ caseTwin: null });
    expect(await inspectNewPath({ ctx, path: "brand/new/file.txt" })).toEqual({ caseTwin: null });
  });

  it("counts new files of the session, and not the path being renamed", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await writeFile({ ctx, path: "Notes.md", content: encode("x") });
    expect(await inspectNewPath({ ctx, path: "notes.md" })).toEqual({ caseTwin: "Notes.md" });
    expect(await inspectNewPath({ ctx, path: "readme.md", movingFrom: "README.md" })).toEqual({ caseTwin: null });
  });
});
