import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filterFor, parseFilterRules } from "./gitattributes";
import { addLfsTrackLine, extensionPattern, filePattern } from "./track-pattern";

const TOP = [
  "# large files",
  "*.psd filter=lfs diff=lfs merge=lfs -text",
  "*.[Cc][Ss][Vv] filter=lfs",
  "/top.bin filter=lfs",
  "data/**/*.parquet filter=lfs",
  "models/** filter=lfs",
  "**/weights/*.pt filter=lfs",
  "docs filter=lfs",
  "small.csv -filter",
  "img/?.png filter=lfs",
  "raw/[!a]*.dat filter=lfs",
  "a\\*b filter=lfs",
  "my[[:space:]]file.bin filter=lfs",
  "[[:digit:]]x.dat filter=lfs",
  "*.txt text",
].join("\n");
const NESTED = ["*.log filter=lfs", "keep.psd !filter", "sub/*.bin filter=lfs"].join("\n");

const PATHS = [
  "x.psd", "deep/in/x.psd", "x.CSV", "d/table.csv", "small.csv", "d/small.csv", "top.bin", "d/top.bin",
  "data/a.parquet", "data/x/y/a.parquet", "other/data/a.parquet", "models/m.bin", "models/a/b/c", "modelsx/m.bin",
  "weights/a.pt", "x/weights/a.pt", "x/weights/y/a.pt", "docs", "docs/readme.md", "img/a.png", "img/ab.png",
  "raw/b1.dat", "raw/a1.dat", "a*b", "axb", "notes.txt", "nested/x.log", "x.log", "nested/keep.psd", "nested/k.psd",
  "nested/sub/z.bin", "nested/deeper/sub/z.bin",
  "my file.bin", "myxfile.bin", "7x.dat", "ax.dat",
];

/** What real git says the `filter` attribute of each path is. */
function gitFilters(top = TOP, paths = PATHS): Map<string, string | null> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gitattributes-"));
  try {
    execFileSync("git", ["init", "-q", dir]);
    fs.writeFileSync(path.join(dir, ".gitattributes"), top);
    fs.mkdirSync(path.join(dir, "nested"));
    fs.writeFileSync(path.join(dir, "nested", ".gitattributes"), NESTED);
    const out = execFileSync("git", ["check-attr", "filter", "--", ...paths], { cwd: dir, encoding: "utf8", env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: dir } });
    return new Map(
      out.trim().split("\n").map((line) => {
        const [file, , value] = line.split(": ");
        return [file!, value === "unspecified" || value === "unset" ? null : value!];
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe(".gitattributes filter rules", () => {
  it("match every path as git check-attr does", () => {
    const rules = [...parseFilterRules(TOP, ""), ...parseFilterRules(NESTED, "nested")];
    const expected = gitFilters();
    const ours = new Map(PATHS.map((p) => [p, filterFor(rules, p)]));
    expect(ours).toEqual(expected);
    // The cases that matter, in words.
    expect(ours.get("deep/in/x.psd")).toBe("lfs");
    expect(ours.get("docs/readme.md")).toBeNull();
    expect(ours.get("nested/keep.psd")).toBeNull();
  });

  it("tracks what Track with LFS means: a file (odd names too) or an extension, as git reads the line", () => {
    const paths = ["data/my file [1].bin", "data/my file [2].bin", "other.bin", "a/b/x.CSV", "x.csv", "noext"];
    let text = "*.md text";
    for (const pattern of [filePattern(paths[0]!), extensionPattern("a/b/x.CSV")!]) text = addLfsTrackLine(text, pattern);
    expect(addLfsTrackLine(text, "*.CSV")).toBe(text);
    expect(extensionPattern("noext")).toBeNull();
    expect(text).toBe("*.md text\n/data/my[[:space:]]file[[:space:]]\\[1\\].bin filter=lfs diff=lfs merge=lfs -text\n*.CSV filter=lfs diff=lfs merge=lfs -text\n");
    const rules = parseFilterRules(text, "");
    const ours = new Map(paths.map((p) => [p, filterFor(rules, p)]));
    expect(ours).toEqual(gitFilters(text, paths));
    expect([...ours].filter(([, f]) => f === "lfs").map(([p]) => p)).toEqual(["data/my file [1].bin", "a/b/x.CSV"]);
  });

  it("reads only filter settings, with CRLF line ends and odd spacing", () => {
    const rules = parseFilterRules("*.bin\tfilter=lfs  -text\r\n*.md text\r\n\r\n", "");
    expect(rules.map((r) => [r.pattern, r.filter])).toEqual([["*.bin", "lfs"]]);
  });
});
