import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFolder } from "./create-folder";
import { deletePath } from "./delete-path";
import { listDirectory } from "./list-directory";
import { cloneRepo, contextFor, createSeedRepo, encode, git, removeTempDirs, tempDir } from "./test-support/fixture-repo";
import { writeFile } from "./write-file";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

const summary = (entries: Awaited<ReturnType<typeof listDirectory>>) => entries.map((e) => `${e.type === "dir" ? "d" : "f"} ${e.path}${e.change ? ` (${e.change})` : ""}${e.conflict ? " !" : ""}`);

describe("listDirectory", () => {
  it("lists the base tree: folders first, then files, each by name", async () => {
    const ctx = contextFor(cloneRepo(seed));
    expect(summary(await listDirectory({ ctx, path: "" }))).toEqual(["d data", "d docs", "d notes", "d scripts", "d src", "f README.md"]);
    expect(summary(await listDirectory({ ctx, path: "src" }))).toEqual(["d src/lib", "f src/app.py", "f src/extra.py"]);
    expect(summary(await listDirectory({ ctx, path: "src/lib/deep" }))).toEqual(["f src/lib/deep/nested.txt"]);
  });

  it("lays the overlay on top: new files and folders, changes, deletions, emptied folders", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await writeFile({ ctx, path: "src/app.py", content: encode("changed\n") });
    await writeFile({ ctx, path: "src/new.py", content: encode("new\n") });
    await writeFile({ ctx, path: "models/v1/weights.txt", content: encode("w\n") });
    await deletePath({ ctx, path: "src/extra.py" });
    await deletePath({ ctx, path: "docs/only.md" }); // docs/ is now empty, so gone
    await deletePath({ ctx, path: "src/lib/deep/nested.txt" }); // so is src/lib/deep
    await createFolder({ ctx, path: "empty" });
    const conflicted = (await ctx.overlay.get("src/new.py"))!;
    await ctx.overlay.put({ ...conflicted, conflict: true });

    expect(summary(await listDirectory({ ctx, path: "" }))).toEqual([
      "d data",
      "d empty (modified)",
      "d models (modified)",
      "d notes",
      "d scripts",
      "d src (modified) !",
      "f README.md",
    ]);
    expect(summary(await listDirectory({ ctx, path: "src" }))).toEqual(["d src/lib (modified)", "f src/app.py (modified)", "f src/new.py (new) !"]);
    expect(summary(await listDirectory({ ctx, path: "src/lib" }))).toEqual(["f src/lib/util.py"]);
    expect(summary(await listDirectory({ ctx, path: "models" }))).toEqual(["d models/v1 (modified)"]);
    expect(summary(await listDirectory({ ctx, path: "empty" }))).toEqual(["f empty/.gitkeep (new)"]);
  });

  it("lists only the changes in a copy of an empty repository", async () => {
    const dir = tempDir("empty");
    git(dir, ["init", "--quiet", "--initial-branch=main"]);
    const ctx = contextFor(dir);
    expect(await listDirectory({ ctx, path: "" })).toEqual([]);
    await writeFile({ ctx, path: "notebooks/a.ipynb", content: encode("{}\n") });
    expect(summary(await listDirectory({ ctx, path: "" }))).toEqual(["d notebooks (modified)"]);
  });

  it("refuses folders that do not exist and bad paths", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await expect(listDirectory({ ctx, path: "nope" })).rejects.toMatchObject({ code: "not_found" });
    await expect(listDirectory({ ctx, path: "README.md" })).rejects.toMatchObject({ code: "not_found" });
    for (const path of ["/src", "src/", "src//lib", "../x", "src/./lib", ".git", "src/.GIT/config"]) {
      await expect(listDirectory({ ctx, path })).rejects.toMatchObject({ code: "invalid" });
    }
  });
});
