import nodeFs from "node:fs";
import path from "node:path";
import git from "isomorphic-git";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitChanges } from "./commit-changes";
import { deletePath } from "./delete-path";
import { getStatus } from "./get-status";
import { writeMerge } from "./merge-state";
import { movePath } from "./move-path";
import { readFile } from "./read-file";
import { AUTHOR, cloneRepo, contextFor, createSeedRepo, encode, git as nativeGit, put, removeTempDirs, tempDir } from "./test-support/fixture-repo";
import { LARGE_FILE_BYTES } from "./types";
import { writeFile } from "./write-file";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

const headTree = (dir: string) => nativeGit(dir, ["rev-parse", "HEAD^{tree}"]);

describe("commitChanges", () => {
  it("writes exactly the tree native git writes for the same change", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    const before = nativeGit(dir, ["rev-parse", "HEAD"]);

    await writeFile({ ctx, path: "src/lib/deep/nested.txt", content: encode("deeper\n") }); // nested change
    await writeFile({ ctx, path: "models/v2/train/config.yaml", content: encode("lr: 0.1\n") }); // new nested folders
    await deletePath({ ctx, path: "notes/a.txt" }); // the last file of notes/
    await deletePath({ ctx, path: "src/lib/util.py" }); // one of several
    await writeFile({ ctx, path: "scripts/run.sh", content: encode("#!/bin/sh\necho changed\n") }); // keeps 100755
    await movePath({ ctx, from: "docs/only.md", to: "guide/only.md" }); // rename across folders
    await writeFile({ ctx, path: "docs", content: encode("a file where the folder was\n") }); // docs/ is empty now
    await writeFile({ ctx, path: "src.d/x.txt", content: encode("sorts before src/\n") }); // "." < "/" in git's order
    await writeFile({ ctx, path: "src-notes.txt", content: encode("sorts before src/ too\n") });
    await writeFile({ ctx, path: "data.csv", content: encode("x,y\n1,2\n") }); // beside the folder data/

    const info = await commitChanges({ ctx, message: "Change many things\n\n\n  \nwith a body  \n" });

    // The same change made natively in another clone.
    const native = cloneRepo(seed);
    put(native, "src/lib/deep/nested.txt", "deeper\n");
    put(native, "models/v2/train/config.yaml", "lr: 0.1\n");
    nodeFs.rmSync(path.join(native, "notes/a.txt"));
    nodeFs.rmSync(path.join(native, "src/lib/util.py"));
    put(native, "scripts/run.sh", "#!/bin/sh\necho changed\n");
    nodeFs.mkdirSync(path.join(native, "guide"));
    nodeFs.renameSync(path.join(native, "docs/only.md"), path.join(native, "guide/only.md"));
    nodeFs.rmdirSync(path.join(native, "docs"));
    put(native, "docs", "a file where the folder was\n");
    put(native, "src.d/x.txt", "sorts before src/\n");
    put(native, "src-notes.txt", "sorts before src/ too\n");
    put(native, "data.csv", "x,y\n1,2\n");
    nativeGit(native, ["add", "-A"]);
    const expected = nativeGit(native, ["write-tree"]);

    expect(headTree(dir)).toBe(expected);
    expect(nativeGit(dir, ["rev-parse", "refs/heads/main"])).toBe(info.oid);
    expect(info.parents).toEqual([before]);
    expect(info.message).toBe("Change many things\n\nwith a body\n");
    expect(info.author).toMatchObject(AUTHOR);
    expect(nativeGit(dir, ["log", "-1", "--format=%an <%ae>|%cn <%ce>|%P|%B"])).toBe(`Ada Tester <ada@example.com>|Ada Tester <ada@example.com>|${before}|Change many things\n\nwith a body`);
    expect(nativeGit(dir, ["ls-tree", "HEAD", "scripts/run.sh"])).toMatch(/^100755 blob /);
    expect(nativeGit(dir, ["fsck", "--strict", "--no-dangling"])).toBe("");
    expect(await getStatus({ ctx })).toEqual([]);
    // The overlay is gone, the committed content is what is read now.
    expect((await readFile({ ctx, path: "guide/only.md" })).version).toBe(0);
  });

  it("keeps untouched subtrees and rewrites only the trees on changed paths", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    const subtree = (rev: string, p: string) => nativeGit(dir, ["rev-parse", `${rev}:${p}`]);
    const old = { scripts: subtree("HEAD", "scripts"), deep: subtree("HEAD", "src/lib/deep"), lib: subtree("HEAD", "src/lib"), src: subtree("HEAD", "src") };
    await writeFile({ ctx, path: "src/app.py", content: encode("print('hi')\n") });
    await commitChanges({ ctx, message: "One file" });
    expect(subtree("HEAD", "scripts")).toBe(old.scripts);
    expect(subtree("HEAD", "src/lib")).toBe(old.lib);
    expect(subtree("HEAD", "src/lib/deep")).toBe(old.deep);
    expect(subtree("HEAD", "src")).not.toBe(old.src);
    expect(nativeGit(dir, ["diff", "--name-status", "HEAD~1", "HEAD"])).toBe("M\tsrc/app.py");
  });

  it("commits only the chosen paths and keeps the other changes", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    await writeFile({ ctx, path: "src/app.py", content: encode("one\n") });
    await writeFile({ ctx, path: "src/lib/util.py", content: encode("two\n") });
    await writeFile({ ctx, path: "README.md", content: encode("three\n") });
    await commitChanges({ ctx, message: "Only src/lib and the README", paths: ["src/lib", "README.md"] });
    expect(nativeGit(dir, ["diff", "--name-only", "HEAD~1", "HEAD"]).split("\n")).toEqual(["README.md", "src/lib/util.py"]);
    expect(await getStatus({ ctx })).toEqual([{ path: "src/app.py", kind: "modified", conflict: false }]);
  });

  it("commits a file of 100 MB or more and names it for a large-file storage warning, not a refusal", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    await writeFile({ ctx, path: "data/huge.bin", content: new Uint8Array(LARGE_FILE_BYTES) });
    await writeFile({ ctx, path: "data/almost.bin", content: new Uint8Array(1024) });
    const info = await commitChanges({ ctx, message: "Add a large file" });
    expect(info.largeFiles).toEqual([{ path: "data/huge.bin", size: LARGE_FILE_BYTES }]);
    expect(nativeGit(dir, ["cat-file", "-s", "HEAD:data/huge.bin"])).toBe(String(LARGE_FILE_BYTES));
    await writeFile({ ctx, path: "README.md", content: encode("small\n") });
    expect((await commitChanges({ ctx, message: "Small" })).largeFiles).toEqual([]);
  }, 120_000);

  it("removes everything down to the empty tree when every file is deleted", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    for (const name of ["README.md", "src", "scripts", "data", "docs", "notes"]) await deletePath({ ctx, path: name });
    await commitChanges({ ctx, message: "Empty it" });
    expect(headTree(dir)).toBe("4b825dc642cb6eb9a060e54bf8d69288fbee4904");
  });

  it("refuses an empty message, nothing to commit, and unresolved conflicts", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    await expect(commitChanges({ ctx, message: "  \n" })).rejects.toMatchObject({ code: "invalid" });
    await expect(commitChanges({ ctx, message: "Nothing" })).rejects.toMatchObject({ code: "invalid" });
    await writeFile({ ctx, path: "README.md", content: encode("x\n") });
    await expect(commitChanges({ ctx, message: "Wrong path", paths: ["src"] })).rejects.toMatchObject({ code: "invalid" });
    const entry = (await ctx.overlay.get("README.md"))!;
    await ctx.overlay.put({ ...entry, conflict: true });
    await expect(commitChanges({ ctx, message: "Conflicted" })).rejects.toMatchObject({ code: "conflict", paths: ["README.md"] });
    expect(nativeGit(dir, ["rev-list", "--count", "HEAD"])).toBe("3");
  });

  it("during a merge, commits on the merged tree with both parents and ends the merge", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    // The merge of origin/feature into main, made natively without touching refs.
    const ours = nativeGit(dir, ["rev-parse", "HEAD"]);
    const theirs = nativeGit(dir, ["rev-parse", "origin/feature"]);
    const mergedTree = nativeGit(dir, ["merge-tree", "--write-tree", ours, theirs]).split("\n")[0]!;
    await writeMerge(ctx.overlay, { ours, theirs, mergedTree, conflicts: [] });
    expect((await readFile({ ctx, path: "feature.txt" })).text).toBe("feature\n");

    await writeFile({ ctx, path: "README.md", content: encode("# Merged\n") });
    const info = await commitChanges({ ctx, message: "Merge feature" });

    expect(info.parents).toEqual([ours, theirs]);
    expect(nativeGit(dir, ["log", "-1", "--format=%P"])).toBe(`${ours} ${theirs}`);
    const native = cloneRepo(seed);
    nativeGit(native, ["merge", "--quiet", "--no-edit", "origin/feature"]);
    put(native, "README.md", "# Merged\n");
    nativeGit(native, ["add", "-A"]);
    expect(headTree(dir)).toBe(nativeGit(native, ["write-tree"]));
    expect(await ctx.overlay.getMeta("merge")).toBeUndefined();
    expect(await getStatus({ ctx })).toEqual([]);
  });

  it("during a merge, requires every conflicted file and lets other work stay uncommitted", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    const ours = nativeGit(dir, ["rev-parse", "HEAD"]);
    const theirs = nativeGit(dir, ["rev-parse", "origin/feature"]);
    const mergedTree = nativeGit(dir, ["merge-tree", "--write-tree", ours, theirs]).split("\n")[0]!;
    await writeMerge(ctx.overlay, { ours, theirs, mergedTree, conflicts: ["README.md"] });
    await writeFile({ ctx, path: "README.md", content: encode("resolved\n") });
    await writeFile({ ctx, path: "src/app.py", content: encode("an unrelated draft\n") });
    await expect(commitChanges({ ctx, message: "Part", paths: ["src/app.py"] })).rejects.toMatchObject({ code: "merging", paths: ["README.md"] });

    const info = await commitChanges({ ctx, message: "Merge", paths: ["README.md"] });
    expect(info.parents).toEqual([ours, theirs]);
    expect(nativeGit(dir, ["show", "HEAD:README.md"])).toBe("resolved");
    expect((await getStatus({ ctx })).map((c) => c.path)).toEqual(["src/app.py"]);
    expect(await ctx.overlay.getMeta("merge")).toBeUndefined();
  });

  it("makes the first commit of an empty repository", async () => {
    const dir = tempDir("empty");
    nativeGit(dir, ["init", "--quiet", "--initial-branch=main"]);
    const ctx = contextFor(dir);
    await writeFile({ ctx, path: "hello/world.txt", content: encode("hi\n") });
    const info = await commitChanges({ ctx, message: "First" });
    expect(info.parents).toEqual([]);
    expect(nativeGit(dir, ["ls-tree", "-r", "--name-only", "HEAD"])).toBe("hello/world.txt");
    expect((await git.log({ fs: ctx.fs, dir, depth: 5 })).map((c) => c.oid)).toEqual([info.oid]);
  });
});
