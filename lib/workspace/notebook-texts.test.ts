// A notebook's diff carries both versions' texts (working copy against the last
// commit, a commit against its parent), which the session compares cell by cell.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFixture } from "../notebooks/test-support/notebook-files";
import { diffCommitFile } from "./commit-diff";
import { deletePath } from "./delete-path";
import { diffFile } from "./diff-file";
import { cloneRepo, contextFor, createSeedRepo, encode, git, put, removeTempDirs } from "./test-support/fixture-repo";
import { writeFile } from "./write-file";

const NOTEBOOK = readFixture("v4.5-unicode.ipynb");
const EDITED = NOTEBOOK.replace('"Fin."', '"Ende."');
let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
  put(seed, "analysis/Weather.IPYNB", NOTEBOOK);
  git(seed, ["add", "-A"]);
  git(seed, ["commit", "--quiet", "-m", "Add a notebook"]);
  put(seed, "analysis/Weather.IPYNB", EDITED);
  put(seed, "analysis/results.json", "{}\n");
  git(seed, ["add", "-A"]);
  git(seed, ["commit", "--quiet", "-m", "Edit the notebook"]);
});
afterAll(removeTempDirs);

describe("a notebook's diff", () => {
  it("in the working copy: the last commit's text and the edited one, beside the same hunks as native git", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    const path = "analysis/Weather.IPYNB";
    expect((await diffFile({ ctx, path })).texts).toEqual({ before: EDITED, after: EDITED });
    await writeFile({ ctx, path, content: encode(NOTEBOOK) });
    const diff = await diffFile({ ctx, path });
    expect(diff.texts).toEqual({ before: EDITED, after: NOTEBOOK });
    put(dir, path, NOTEBOOK);
    const native = git(dir, ["diff", "-U3", "--", path]).split("\n").filter((line) => /^[-+][^-+]/.test(line));
    expect(diff.hunks.flatMap((hunk) => hunk.lines.filter((line) => line.kind !== "context").map((line) => `${line.kind === "add" ? "+" : "-"}${line.text}`))).toEqual(native);

    await deletePath({ ctx, path });
    expect((await diffFile({ ctx, path })).texts).toEqual({ before: EDITED, after: null });
    await writeFile({ ctx, path: "new.ipynb", content: encode(NOTEBOOK) });
    expect((await diffFile({ ctx, path: "new.ipynb" })).texts).toEqual({ before: null, after: NOTEBOOK });
  });

  it("in a commit: the parent's text and the commit's", async () => {
    const dir = cloneRepo(seed);
    const ctx = contextFor(dir);
    const [edit, add] = [git(dir, ["rev-parse", "HEAD"]), git(dir, ["rev-parse", "HEAD~1"])];
    expect((await diffCommitFile({ ctx, oid: edit, path: "analysis/Weather.IPYNB" })).texts).toEqual({
      before: git(dir, ["show", `${edit}~1:analysis/Weather.IPYNB`]) + "\n",
      after: git(dir, ["show", `${edit}:analysis/Weather.IPYNB`]) + "\n",
    });
    expect((await diffCommitFile({ ctx, oid: add, path: "analysis/Weather.IPYNB" })).texts).toEqual({ before: null, after: NOTEBOOK });
  });

  it("is left out for other files and for notebooks that are not text", async () => {
    const ctx = contextFor(cloneRepo(seed));
    const oid = git(ctx.dir, ["rev-parse", "HEAD"]);
    expect((await diffCommitFile({ ctx, oid, path: "analysis/results.json" })).texts).toBeUndefined();
    await writeFile({ ctx, path: "binary.ipynb", content: new Uint8Array([0x7b, 0, 0x7d]) });
    expect(await diffFile({ ctx, path: "binary.ipynb" })).toEqual({ path: "binary.ipynb", kind: "new", binary: true, hunks: [] });
  });
});
