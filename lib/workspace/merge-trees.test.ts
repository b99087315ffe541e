import nodeFs from "node:fs";
import path from "node:path";
import git from "isomorphic-git";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editSource, insertCell, parseNotebook, serializeNotebook, type Notebook } from "../notebooks";
import { readFixture } from "../notebooks/test-support/notebook-files";
import { nbformatProblem, requirePythonTools } from "../notebooks/test-support/python-tools";
import { conflictLabels, mergeText } from "./merge-text";
import { mergeTrees } from "./merge-trees";
import { BINARY, contextFor, git as nativeGit, put, removeTempDirs, tempDir } from "./test-support/fixture-repo";

afterAll(removeTempDirs);

const TEXT = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join("\n") + "\n";
const labels = conflictLabels("main");

/** A repository with a base commit and two branches made by `ours` and `theirs` (each a function on the checkout). */
function repoWith(base: Record<string, string>, ours: (dir: string) => void, theirs: (dir: string) => void) {
  const dir = tempDir("merge");
  nativeGit(dir, ["init", "--quiet", "--initial-branch=main"]);
  for (const [file, content] of Object.entries(base)) put(dir, file, content);
  nativeGit(dir, ["add", "-A"]);
  nativeGit(dir, ["commit", "--quiet", "-m", "Base"]);
  nativeGit(dir, ["checkout", "--quiet", "-b", "theirs"]);
  theirs(dir);
  nativeGit(dir, ["add", "-A"]);
  nativeGit(dir, ["commit", "--quiet", "--allow-empty", "-m", "Theirs"]);
  nativeGit(dir, ["checkout", "--quiet", "main"]);
  ours(dir);
  nativeGit(dir, ["add", "-A"]);
  nativeGit(dir, ["commit", "--quiet", "--allow-empty", "-m", "Ours"]);
  const tree = (rev: string) => nativeGit(dir, ["rev-parse", `${rev}^{tree}`]);
  return { dir, ctx: contextFor(dir), ours: tree("main"), base: tree("main~1"), theirs: tree("theirs") };
}

const rm = (dir: string, file: string) => nodeFs.rmSync(path.join(dir, file), { recursive: true });

describe("mergeTrees", () => {
  it("writes the same tree as native git for a clean merge", async () => {
    const repo = repoWith(
      { "a.txt": TEXT, "script.sh": "echo 1\n", "same.txt": "same\n", "gone/x.txt": "x\n", "gone/y/z.txt": "z\n", "deep/p/q.txt": "q\n", "deep/p/r.txt": "r\n", "mine-deleted.txt": "m\n", "img.bin": "keep" },
      (dir) => {
        put(dir, "a.txt", TEXT.replace("line 2", "line TWO"));
        put(dir, "script.sh", "echo 1\necho 2\n");
        put(dir, "same.txt", "changed alike\n");
        put(dir, "both-new/ours.txt", "o\n");
        put(dir, "deep/p/q.txt", "Q\n");
        rm(dir, "mine-deleted.txt");
      },
      (dir) => {
        put(dir, "a.txt", TEXT.replace("line 9", "line NINE"));
        nodeFs.chmodSync(path.join(dir, "script.sh"), 0o755);
        put(dir, "same.txt", "changed alike\n");
        put(dir, "both-new/theirs.txt", "t\n");
        put(dir, "deep/p/r.txt", "R\n");
        rm(dir, "gone");
        put(dir, "img.bin", BINARY);
      },
    );
    const native = nativeGit(repo.dir, ["merge-tree", "--write-tree", "main", "theirs"]).split("\n")[0];

    const result = await mergeTrees({ ctx: repo.ctx, ours: repo.ours, base: repo.base, theirs: repo.theirs, labels });

    expect(result).toEqual({ tree: native, conflicts: [] });
  });

  it("marks conflicts: same lines, add/add, a changed file in a folder the other side deleted, binary", async () => {
    const repo = repoWith(
      { "a.txt": TEXT, "folder/kept.txt": "k\n", "folder/changed.txt": "c\n", "img.bin": "v1" },
      (dir) => {
        put(dir, "a.txt", TEXT.replace("line 5", "line five (ours)"));
        put(dir, "added.txt", "ours\n");
        put(dir, "folder/changed.txt", "c, changed by us\n");
        put(dir, "img.bin", Buffer.from([...BINARY, 1]));
      },
      (dir) => {
        put(dir, "a.txt", TEXT.replace("line 5", "line five (theirs)"));
        put(dir, "added.txt", "theirs\n");
        rm(dir, "folder");
        put(dir, "img.bin", Buffer.from([...BINARY, 2]));
      },
    );

    const { tree, conflicts } = await mergeTrees({ ctx: repo.ctx, ours: repo.ours, base: repo.base, theirs: repo.theirs, labels });

    expect(conflicts.map(({ path, kind }) => [path, kind])).toEqual([
      ["a.txt", "content"],
      ["added.txt", "content"],
      ["folder/changed.txt", "deleted-by-them"],
      ["img.bin", "binary"],
    ]);
    const show = (file: string) => nativeGit(repo.dir, ["cat-file", "-p", `${tree}:${file}`]);
    expect(show("a.txt")).toContain("<<<<<<< yours (main)\nline five (ours)\n=======\nline five (theirs)\n>>>>>>> theirs (origin/main)\nline 6");
    expect(show("added.txt")).toBe("<<<<<<< yours (main)\nours\n=======\ntheirs\n>>>>>>> theirs (origin/main)");
    expect(show("folder/changed.txt")).toBe(
      "<<<<<<< yours (main): you changed this file\nc, changed by us\n=======\n>>>>>>> theirs (origin/main): they deleted this file",
    );
    expect(nativeGit(repo.dir, ["ls-tree", "-r", "--name-only", tree]).split("\n")).toEqual(["a.txt", "added.txt", "folder/changed.txt", "img.bin"]);
    const kept = conflicts.find((c) => c.path === "img.bin");
    expect((await git.readBlob({ fs: repo.ctx.fs, gitdir: repo.ctx.gitdir, oid: kept!.oid })).blob).toEqual(Uint8Array.from([...BINARY, 1]));
  });

  it("refuses a file one side turned into a folder", async () => {
    const repo = repoWith(
      { x: "file\n" },
      (dir) => put(dir, "x", "changed\n"),
      (dir) => {
        rm(dir, "x");
        put(dir, "x/inside.txt", "now a folder\n");
      },
    );
    await expect(mergeTrees({ ctx: repo.ctx, ours: repo.ours, base: repo.base, theirs: repo.theirs, labels })).rejects.toMatchObject({ code: "conflict", paths: ["x"] });
  });
});

describe("mergeTrees on notebooks", () => {
  const NOTEBOOK = readFixture("v4.5-unicode.ipynb");
  const base = () => (parseNotebook(NOTEBOOK) as { notebook: Notebook }).notebook;
  const write = (notebook: Notebook) => serializeNotebook(notebook, { original: NOTEBOOK });
  const sources = (text: string) => (parseNotebook(text) as { notebook: Notebook }).notebook.cells.map((cell) => cell.source);
  const MARKERS = /^(<<<<<<<|=======|>>>>>>>)/m;

  beforeAll(() => requirePythonTools());

  async function merge(ours: string, theirs: string, file = "analysis/weather.ipynb") {
    const repo = repoWith({ [file]: NOTEBOOK }, (dir) => put(dir, file, ours), (dir) => put(dir, file, theirs));
    const result = await mergeTrees({ ctx: repo.ctx, ours: repo.ours, base: repo.base, theirs: repo.theirs, labels });
    return { ...result, merged: nativeGit(repo.dir, ["cat-file", "-p", `${result.tree}:${file}`]) + "\n" };
  }

  it("merges changes to different cells, and cells both added at the same place, with no conflict and no marker", async () => {
    const ours = write(insertCell(editSource(base(), 0, "# Ours"), 4, "code", "print('ours')"));
    const theirs = write(insertCell(editSource(base(), 2, "'theirs'"), 4, "markdown", "Theirs at the end."));
    // Line by line, both additions at the end are one conflict; cell by cell they are two new cells.
    expect(mergeText({ base: NOTEBOOK, ours, theirs, labels }).clean).toBe(false);

    const { conflicts, merged } = await merge(ours, theirs);

    expect(conflicts).toEqual([]);
    expect(merged).not.toMatch(MARKERS);
    expect(nbformatProblem(merged)).toBeNull();
    expect(sources(merged)).toEqual(["# Ours", base().cells[1]!.source, "'theirs'", "Fin.", "Theirs at the end.", "print('ours')"]);
  });

  it("lists a cell both changed as a notebook conflict; the merged tree holds a valid notebook with ours there", async () => {
    const { conflicts, merged } = await merge(write(editSource(base(), 1, "temperature = 30")), write(editSource(base(), 1, "temperature = 12")));

    expect(conflicts.map(({ path, kind }) => [path, kind])).toEqual([["analysis/weather.ipynb", "notebook"]]);
    expect(merged).not.toContain("<<<<<<<");
    expect(nbformatProblem(merged)).toBeNull();
    expect(sources(merged)[1]).toBe("temperature = 30");
  });

  it("merges as text when a version is not a notebook", async () => {
    const broken = write(editSource(base(), 1, "temperature = 30")).replace('"nbformat": 4,', '"nbformat": 4,,');
    const { conflicts, merged } = await merge(broken, write(editSource(base(), 1, "temperature = 12")));
    expect(conflicts.map(({ kind }) => kind)).toEqual(["content"]);
    expect(merged).toMatch(MARKERS);
  });
});
