// Pulls that meet a notebook both sides changed, against a real git server: merged
// cell by cell, never with conflict markers in the JSON; what is pushed is checked
// with Debian's nbformat.
import { beforeAll, describe, expect, it } from "vitest";
import { editSource, parseNotebook, serializeNotebook, type Notebook } from "../notebooks";
import { readFixture } from "../notebooks/test-support/notebook-files";
import { nbformatProblem, requirePythonTools } from "../notebooks/test-support/python-tools";
import { commitChanges } from "./commit-changes";
import { getState } from "./get-state";
import { pullBranch } from "./pull-branch";
import { pushBranch } from "./push-branch";
import { readFile } from "./read-file";
import { readNotebookConflicts } from "./read-notebook-conflicts";
import { resolveConflict } from "./resolve-conflict";
import { resolveNotebookConflict } from "./resolve-notebook-conflict";
import { encode } from "./test-support/fixture-repo";
import { gitHttpServerForFile } from "./test-support/git-http-server-for-file";
import { bareGit, createRemote, openSession, pushFromNative } from "./test-support/remote-session";
import { writeFile } from "./write-file";

const server = gitHttpServerForFile();
const PATH = "analysis/weather.ipynb";
const NOTEBOOK = readFixture("v4.5-unicode.ipynb");
const MARKERS = /^(<<<<<<<|=======|>>>>>>>)/m;

const parse = (text: string) => {
  const read = parseNotebook(text);
  if (!read.ok) throw new Error(`not a notebook: ${read.reason}`);
  return read.notebook;
};
const base = () => parse(NOTEBOOK);
const write = (notebook: Notebook) => serializeNotebook(notebook, { original: NOTEBOOK });
const withKernel = (notebook: Notebook, name: string): Notebook => ({ ...notebook, metadata: { ...notebook.metadata, kernelspec: { name, display_name: name, language: "python" } } });
const sources = (text: string) => parse(text).cells.map((cell) => cell.source);
const text = async (ctx: Parameters<typeof readFile>[0]["ctx"]) => (await readFile({ ctx, path: PATH })).text as string;
/** The notebook as pushed, read back with the real git; valid for nbformat and without a marker. */
function pushedNotebook(remote: Parameters<typeof bareGit>[0]): string {
  const pushed = bareGit(remote, ["show", `main:${PATH}`]) + "\n";
  expect(pushed).not.toMatch(MARKERS);
  expect(nbformatProblem(pushed)).toBeNull();
  return pushed;
}

/** A session whose commit and another person's push change the notebook as `ours` and `theirs` do; then the pull. */
async function pullOver(ours: Notebook, theirs: Notebook) {
  const remote = createRemote(server, [{ [PATH]: NOTEBOOK, "README.md": "# Weather\n" }]);
  const ctx = await openSession(remote);
  await writeFile({ ctx, path: PATH, content: encode(write(ours)) });
  const oursCommit = (await commitChanges({ ctx, message: "Ours" })).oid;
  const theirsCommit = pushFromNative(remote, { [PATH]: write(theirs) });
  const result = await pullBranch({ ctx });
  return { remote, ctx, result, ours: oursCommit, theirs: theirsCommit };
}

/** Both sides set cell 2's source and the kernel differently; theirs also changed the last cell. */
const bothChangedCellTwo = () =>
  pullOver(withKernel(editSource(base(), 1, "temperature = 30"), "py-ours"), withKernel(editSource(editSource(base(), 1, "temperature = 12"), 3, "The end."), "py-theirs"));

beforeAll(() => requirePythonTools());

describe("notebooks in a pull", () => {
  it("merges changes to different cells into a merge commit, pushed as a valid notebook", async () => {
    const { remote, ctx, result } = await pullOver(editSource(base(), 0, "# Ours"), editSource(base(), 2, "'theirs'"));

    expect(result).toMatchObject({ kind: "merged", state: { merging: null } });
    await pushBranch({ ctx });
    expect(sources(pushedNotebook(remote))).toEqual(["# Ours", base().cells[1]!.source, "'theirs'", "Fin."]);
  });

  it("stops on a cell both changed with a valid notebook in place, and settles it cell by cell", async () => {
    const { remote, ctx, result, ours, theirs } = await bothChangedCellTwo();

    expect(result).toMatchObject({ kind: "conflicts", conflicts: [PATH] });
    expect((await getState({ ctx })).merging).toEqual({ theirs, conflicts: [PATH], notebooks: [PATH] });
    const during = await text(ctx);
    expect(during).not.toContain("<<<<<<<");
    expect(nbformatProblem(during)).toBeNull();
    expect(sources(during)).toEqual([base().cells[0]!.source, "temperature = 30", base().cells[2]!.source, "The end."]);

    const conflicts = await readNotebookConflicts({ ctx, path: PATH });
    expect(conflicts).toEqual([
      { kind: "metadata", key: "kernelspec", ours: expect.stringContaining('"py-ours"'), theirs: expect.stringContaining('"py-theirs"') },
      {
        kind: "cell",
        cell: 2,
        ours: { cellType: "code", source: "temperature = 30", executionCount: 1, outputs: "1 text" },
        theirs: { cellType: "code", source: "temperature = 12", executionCount: 1, outputs: "1 text" },
      },
    ]);
    await expect(resolveNotebookConflict({ ctx, path: PATH, choices: ["theirs"] })).rejects.toMatchObject({ code: "invalid", paths: [PATH] });
    await expect(commitChanges({ ctx, message: "Too early" })).rejects.toMatchObject({ code: "conflict" });

    await resolveNotebookConflict({ ctx, path: PATH, choices: ["ours", "theirs"] });

    expect((await getState({ ctx })).merging).toEqual({ theirs, conflicts: [], notebooks: [] });
    const resolved = await text(ctx);
    expect(sources(resolved)).toEqual([base().cells[0]!.source, "temperature = 12", base().cells[2]!.source, "The end."]);
    expect(parse(resolved).metadata.kernelspec).toMatchObject({ name: "py-ours" });
    const merge = await commitChanges({ ctx, message: "Merge the weather notebook" });
    expect(merge.parents).toEqual([ours, theirs]);
    await pushBranch({ ctx });
    expect(sources(pushedNotebook(remote))).toEqual(sources(resolved));
  });

  it("keeps Take ours and Take theirs, and accepts Mark resolved only for a valid notebook", async () => {
    const { remote, ctx } = await bothChangedCellTwo();
    await resolveConflict({ ctx, path: PATH, take: "theirs" });
    expect(sources(await text(ctx))[1]).toBe("temperature = 12");
    await resolveConflict({ ctx, path: PATH, take: "ours" });
    expect(await text(ctx)).toBe(write(withKernel(editSource(base(), 1, "temperature = 30"), "py-ours")));

    await writeFile({ ctx, path: PATH, content: encode('{"cells": [\n') });
    await expect(resolveConflict({ ctx, path: PATH, take: "edited" })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("not a valid notebook"), paths: [PATH] });
    const edited = write(withKernel(editSource(base(), 1, "temperature = 20  # both"), "py-ours"));
    await writeFile({ ctx, path: PATH, content: encode(edited) });
    await resolveConflict({ ctx, path: PATH, take: "edited" });

    await commitChanges({ ctx, message: "Merge" });
    await pushBranch({ ctx });
    expect(pushedNotebook(remote)).toBe(edited);
  });

  it("refuses to resolve cell by cell a path that has no notebook conflict", async () => {
    const { ctx } = await bothChangedCellTwo();
    await expect(readNotebookConflicts({ ctx, path: "README.md" })).rejects.toMatchObject({ code: "invalid", paths: ["README.md"] });
    await expect(resolveNotebookConflict({ ctx, path: "README.md", choices: [] })).rejects.toMatchObject({ code: "invalid" });
  });
});
