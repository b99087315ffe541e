// The pieces of Jupyter's layout compared with Python itself: str.splitlines, json.dumps's
// escapes and float repr, sort_keys's order.
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { splitLines } from "./kinds";
import { compareKeys, encodeString, formatNumber } from "./layout";
import { PYTHON, requirePythonTools } from "./test-support/python-tools";

/** Runs a Python expression over a JSON input and gives back its JSON result. */
function python<T>(expression: string, input: unknown): T {
  const script = `import json, sys\nx = json.loads(sys.stdin.read())\nsys.stdout.write(json.dumps(${expression}))`;
  const result = spawnSync(PYTHON, ["-c", script], { input: JSON.stringify(input), encoding: "utf8", env: { ...process.env, PYTHONIOENCODING: "utf-8" } });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as T;
}

const TEXTS = ["", "one", "a\nb", "a\n", "\n\n", "a\r\nb\rc", "v\vf\fx\x1cy\x1dz\x1e", "nel\x85ls\u2028ps\u2029end", "tab\there", 'quote " and \\ back', "ctrl \x00\x01\x1b[31m", "del \x7f", "é ü 東京 🍰 עברית", "lone \ud800 surrogate"];

beforeAll(() => requirePythonTools());

describe("Jupyter's layout, as Python writes it", () => {
  it("splits lines as str.splitlines(True)", () => {
    expect(TEXTS.map(splitLines)).toEqual(python<string[][]>("[s.splitlines(True) for s in x]", TEXTS.slice(0, -1)).concat([splitLines(TEXTS.at(-1)!)]));
  });

  it("escapes strings as json.dumps with and without ensure_ascii", () => {
    const texts = TEXTS.slice(0, -1);
    expect(texts.map((text) => encodeString(text, false))).toEqual(python<string[]>("[json.dumps(s, ensure_ascii=False) for s in x]", texts));
    expect(texts.map((text) => encodeString(text, true))).toEqual(python<string[]>("[json.dumps(s) for s in x]", texts));
    expect(encodeString("lone \ud800 surrogate", false)).toBe('"lone \\ud800 surrogate"');
  });

  it("writes numbers as Python's repr", () => {
    const numbers = [0, 1, -7, 0.5, 1.25, 0.1, 1e-4, 1e-5, 1.5e-7, -2.5e-10, 123456.789, 3.141592653589793, 1e300];
    expect(numbers.map(formatNumber)).toEqual(python<string[]>("[json.dumps(n) for n in x]", numbers).map((text) => text.replace(/\.0$/, "")));
  });

  it("sorts keys by code point, as sort_keys does", () => {
    const keys = ["b", "a", "B", "é", "z", "\uffff", "😀", "aa", "", "text/plain", "image/png"];
    expect([...keys].sort(compareKeys)).toEqual(python<string[]>("sorted(x)", keys));
  });
});
