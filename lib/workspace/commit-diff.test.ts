import nodeFs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffCommitFile, listCommitChanges } from "./commit-diff";
import { cloneRepo, contextFor, createSeedRepo, git, put, removeTempDirs } from "./test-support/fixture-repo";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
  // One more commit with the awkward cases: mode only, a file turned folder, a folder turned file.
  nodeFs.chmodSync(path.join(seed, "src/app.py"), 0o755);
  git(seed, ["rm", "--quiet", "README.md", "-r", "docs"]);
  put(seed, "README.md/index.md", "now a folder\n");
  put(seed, "docs", "now a file\n");
  git(seed, ["add", "-A"]);
  git(seed, ["commit", "--quiet", "-m", "Shuffle"]);
});
afterAll(removeTempDirs);

const KINDS: Record<string, string> = { A: "new", D: "deleted", M: "modified", T: "modified" };

function nativeChanges(dir: string, oid: string) {
  const out = git(dir, ["diff-tree", "-r", "--root", "--no-renames", "--name-status", "--no-commit-id", oid]);
  return out
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [status, file] = line.split("\t");
      return { path: file!, kind: KINDS[status!]!, conflict: false };
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

describe("listCommitChanges", () => {
  it("matches native git for every commit of the history, the root commit included", async () => {
    const dir = cloneRepo(seed, ["--no-single-branch"]);
    const ctx = contextFor(dir);
    const oids = git(dir, ["rev-list", "--all"]).split("\n");
    expect(oids.length).toBe(5);
    for (const oid of oids) expect(await listCommitChanges({ ctx, oid })).toEqual(nativeChanges(dir, oid));
  });

  it("says when the parent is not downloaded (shallow copy), and refuses unknown commits", async () => {
    const dir = cloneRepo(`file://${seed}`, ["--depth", "1"]);
    const ctx = contextFor(dir);
    const head = git(dir, ["rev-parse", "HEAD"]);
    await expect(listCommitChanges({ ctx, oid: head })).rejects.toMatchObject({ code: "not_found" });
    await expect(listCommitChanges({ ctx, oid: "0".repeat(40) })).rejects.toMatchObject({ code: "not_found" });
    await expect(listCommitChanges({ ctx, oid: "HEAD" })).rejects.toMatchObject({ code: "invalid" });
  });
});

describe("diffCommitFile", () => {
  it("gives the same hunks as native git diff", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    const oid = git(dir, ["rev-parse", "HEAD~2"]); // "Update app"
    const diff = await diffCommitFile({ ctx, oid, path: "src/app.py" });
    const headers = git(dir, ["diff", "-U3", `${oid}~1`, oid, "--", "src/app.py"])
      .split("\n")
      .filter((l) => l.startsWith("@@"))
      .map((l) => l.replace(/ @@.*$/, " @@")); // without git's function-name hint
    expect(diff.hunks.map((h) => `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`)).toEqual(headers);
    expect(diff.hunks[0]!.lines.filter((l) => l.kind !== "context")).toEqual([
      { kind: "remove", text: "app line 20", oldLine: 20 },
      { kind: "add", text: "app line twenty", newLine: 20 },
    ]);

    expect(await diffCommitFile({ ctx, oid, path: "src/lib/extra.py" })).toMatchObject({ kind: "new", binary: false });
    const root = git(dir, ["rev-list", "--max-parents=0", "HEAD"]);
    expect(await diffCommitFile({ ctx, oid: root, path: "data/image.png" })).toEqual({ path: "data/image.png", kind: "new", binary: true, hunks: [] });
    await expect(diffCommitFile({ ctx, oid, path: "nope.txt" })).rejects.toMatchObject({ code: "not_found" });
  });
});
