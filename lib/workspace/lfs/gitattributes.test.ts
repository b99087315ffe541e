import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filterFor, parseFilterRules } from "./gitattributes";

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
  "*.txt text",
].join("\n");
const NESTED = ["*.log filter=lfs", "keep.psd !filter", "sub/*.bin filter=lfs"].join("\n");

const PATHS = [
  "x.psd", "deep/in/x.psd", "x.CSV", "d/table.csv", "small.csv", "d/small.csv", "top.bin", "d/top.bin",
  "data/a.parquet", "data/x/y/a.parquet", "other/data/a.parquet", "models/m.bin", "models/a/b/c", "modelsx/m.bin",
  "weights/a.pt", "x/weights/a.pt", "x/weights/y/a.pt", "docs", "docs/readme.md", "img/a.png", "img/ab.png",
  "raw/b1.dat", "raw/a1.dat", "a*b", "axb", "notes.txt", "nested/x.log", "x.log", "nested/keep.psd", "nested/k.psd",
  "nested/sub/z.bin", "nested/deeper/sub/z.bin",
];

/** What real git says the `filter` attribute of each path is. */
function gitFilters(): Map<string, string | null> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gitattributes-"));
  try {
    execFileSync("git", ["init", "-q", dir]);
    fs.writeFileSync(path.join(dir, ".gitattributes"), TOP);
    fs.mkdirSync(path.join(dir, "nested"));
    fs.writeFileSync(path.join(dir, "nested", ".gitattributes"), NESTED);
    const out = execFileSync("git", ["check-attr", "filter", "--", ...PATHS], { cwd: dir, encoding: "utf8", env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: dir } });
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

  it("reads only filter settings, with CRLF line ends and odd spacing", () => {
    const rules = parseFilterRules("*.bin\tfilter=lfs  -text\r\n*.md text\r\n\r\n", "");
    expect(rules.map((r) => [r.pattern, r.filter])).toEqual([["*.bin", "lfs"]]);
  });
});
