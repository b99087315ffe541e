import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deletePath } from "./delete-path";
import { diffFile } from "./diff-file";
import { readFile } from "./read-file";
import { BINARY, cloneRepo, contextFor, createSeedRepo, encode, removeTempDirs } from "./test-support/fixture-repo";
import { writeFile } from "./write-file";

let seed: string;
beforeAll(() => {
  seed = createSeedRepo();
});
afterAll(removeTempDirs);

describe("diffFile", () => {
  it("gives unified hunks with 3 lines of context and line numbers", async () => {
    const ctx = contextFor(cloneRepo(seed));
    const text = (await readFile({ ctx, path: "src/app.py" })).text!;
    await writeFile({ ctx, path: "src/app.py", content: encode(text.replace("app line 10\n", "app line ten\napp line ten and a half\n")) });
    const diff = await diffFile({ ctx, path: "src/app.py" });
    expect(diff).toMatchObject({ path: "src/app.py", kind: "modified", binary: false });
    expect(diff.hunks).toHaveLength(1);
    const [hunk] = diff.hunks;
    expect(hunk).toMatchObject({ oldStart: 7, oldLines: 7, newStart: 7, newLines: 8 });
    expect(hunk!.lines.map((l) => `${l.kind[0]}${l.oldLine ?? "-"}:${l.newLine ?? "-"} ${l.text}`)).toEqual([
      "c7:7 app line 7",
      "c8:8 app line 8",
      "c9:9 app line 9",
      "r10:- app line 10",
      "a-:10 app line ten",
      "a-:11 app line ten and a half",
      "c11:12 app line 11",
      "c12:13 app line 12",
      "c13:14 app line 13",
    ]);
  });

  it("handles new, deleted, unchanged and binary files", async () => {
    const ctx = contextFor(cloneRepo(seed));
    await writeFile({ ctx, path: "new.txt", content: encode("one\ntwo\n") });
    expect(await diffFile({ ctx, path: "new.txt" })).toEqual({
      path: "new.txt",
      kind: "new",
      binary: false,
      hunks: [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: 2, lines: [{ kind: "add", text: "one", newLine: 1 }, { kind: "add", text: "two", newLine: 2 }] }],
    });
    await deletePath({ ctx, path: "notes/a.txt" });
    expect(await diffFile({ ctx, path: "notes/a.txt" })).toMatchObject({ kind: "deleted", hunks: [{ oldStart: 1, oldLines: 1, newStart: 0, newLines: 0 }] });
    expect(await diffFile({ ctx, path: "README.md" })).toEqual({ path: "README.md", kind: "modified", binary: false, hunks: [] });
    await writeFile({ ctx, path: "data/image.png", content: BINARY.slice(1) });
    expect(await diffFile({ ctx, path: "data/image.png" })).toEqual({ path: "data/image.png", kind: "modified", binary: true, hunks: [] });
    await expect(diffFile({ ctx, path: "nope.txt" })).rejects.toMatchObject({ code: "not_found" });
  });
});
