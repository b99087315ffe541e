// Status and a one-file commit must cost what changed, not what exists. This
// builds a 10,000-file repository and logs the times (no assertion on time:
// machines differ); the aim is well under 100 ms each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitChanges } from "./commit-changes";
import { getStatus } from "./get-status";
import { listDirectory } from "./list-directory";
import { readFile } from "./read-file";
import { contextFor, encode, git, removeTempDirs, tempDir } from "./test-support/fixture-repo";
import { writeFile } from "./write-file";

const PACKAGES = 20;
const MODULES = 10;
const FILES = 50; // 20 x 10 x 50 = 10,000 files in 3 levels of folders

let dir: string;
beforeAll(() => {
  dir = tempDir("large");
  git(dir, ["init", "--quiet", "--initial-branch=main"]);
  const parts: string[] = ["commit refs/heads/main", "committer Gen <gen@example.com> 1700000000 +0000", "data 8", "Generate"];
  for (let p = 0; p < PACKAGES; p++) {
    for (let m = 0; m < MODULES; m++) {
      for (let f = 0; f < FILES; f++) {
        const content = `# pkg${p}/mod${m}/file${f}\nVALUE = ${p * 10_000 + m * 100 + f}\n`;
        parts.push(`M 100644 inline pkg${p}/mod${m}/file${f}.py`, `data ${Buffer.byteLength(content)}`, content);
      }
    }
  }
  git(dir, ["fast-import", "--quiet"], `${parts.join("\n")}\n`);
  expect(git(dir, ["ls-tree", "-r", "--name-only", "HEAD"]).split("\n")).toHaveLength(PACKAGES * MODULES * FILES);
}, 120_000);
afterAll(removeTempDirs);

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

describe("a 10,000-file repository", () => {
  it("gives status and a one-file commit in time proportional to the change", async () => {
    const ctx = contextFor(dir); // fresh cache: the first read loads the pack index
    const [, firstRead] = await time(() => readFile({ ctx, path: "pkg7/mod3/file21.py" }));
    const [, write] = await time(() => writeFile({ ctx, path: "pkg7/mod3/file21.py", content: encode("VALUE = 'changed'\n") }));
    const [status, statusTime] = await time(() => getStatus({ ctx }));
    expect(status).toEqual([{ path: "pkg7/mod3/file21.py", kind: "modified", conflict: false }]);
    const [, commitTime] = await time(() => commitChanges({ ctx, message: "Change one file" }));
    expect(git(dir, ["diff", "--name-only", "HEAD~1", "HEAD"])).toBe("pkg7/mod3/file21.py");

    await writeFile({ ctx, path: "pkg19/mod9/file49.py", content: encode("again\n") });
    const [, secondCommit] = await time(() => commitChanges({ ctx, message: "Change another file" }));
    const [, listRoot] = await time(() => listDirectory({ ctx, path: "" }));
    const [, listFolder] = await time(() => listDirectory({ ctx, path: "pkg3/mod4" }));
    const [, cleanStatus] = await time(() => getStatus({ ctx }));
    expect(git(dir, ["fsck", "--no-dangling"])).toBe("");

    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.log(
      [
        `10,000 files (Node fs, pack from fast-import):`,
        `  first read (loads pack index) ${ms(firstRead)}`,
        `  writeFile ${ms(write)}`,
        `  getStatus, 1 change ${ms(statusTime)}; clean ${ms(cleanStatus)}`,
        `  one-file commit ${ms(commitTime)}; second ${ms(secondCommit)}`,
        `  listDirectory root ${ms(listRoot)}; 50-file folder ${ms(listFolder)}`,
      ].join("\n"),
    );
  }, 60_000);
});
