// The kernel's Python side with real Pyodide in Node: the same interpreter code the
// browser's worker runs, so outputs, errors, interrupts and files are checked here.
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { loadPyodide } from "pyodide";
import { beforeAll, describe, expect, it } from "vitest";
import { startInterpreter, type Interpreter } from "./interpreter";
import type { KernelOutput } from "./types";

const indexURL = path.dirname(createRequire(import.meta.url).resolve("pyodide/package.json")) + "/";

/**
 * Writes 2 (SIGINT) into the buffer from another thread after `ms`, and again every 200 ms
 * until terminated (as a person presses Interrupt again), while this thread runs Python.
 */
function interruptAfter(buffer: Uint8Array, ms: number): Worker {
  const code = `const { workerData } = require("node:worker_threads"); setTimeout(() => { workerData[0] = 2; setInterval(() => { workerData[0] = 2; }, 200); }, ${ms});`;
  return new Worker(code, { eval: true, workerData: buffer });
}

describe("the browser kernel's interpreter (real Pyodide)", () => {
  let kernel: Interpreter;
  const interruptBuffer = new Uint8Array(new SharedArrayBuffer(1));

  beforeAll(async () => {
    kernel = await startInterpreter({ loadPyodide, indexURL, interruptBuffer });
  }, 120_000);

  it("prints as stream outputs, shows the last expression and counts executions", async () => {
    const streamed: KernelOutput[] = [];
    const first = await kernel.run("print(6*7)\nimport sys\nprint('careful', file=sys.stderr)\n'done'", (o) => streamed.push(o));
    expect(first.status).toBe("ok");
    expect(first.outputs).toEqual([
      { output_type: "stream", name: "stdout", text: "42\n" },
      { output_type: "stream", name: "stderr", text: "careful\n" },
      { output_type: "execute_result", execution_count: first.executionCount, data: { "text/plain": "'done'" }, metadata: {} },
    ]);
    expect(streamed).toEqual(first.outputs);
    const second = await kernel.run("x = 1;");
    expect(second.executionCount).toBe(first.executionCount! + 1);
    expect(second.outputs).toEqual([]);
  });

  it("shows rich values: _repr_html_ beside text/plain, display() of text and of PNG images", async () => {
    const png = "import base64, struct, zlib\n" +
      "def chunk(kind, data): return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))\n" +
      "png = b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 1, 1, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(b'\\x00\\xff\\x00\\x00')) + chunk(b'IEND', b'')\n";
    const result = await kernel.run(
      png +
        "from IPython.display import Image, HTML\n" +
        "class Table:\n    def _repr_html_(self): return '<table><tr><td>1</td></tr></table>'\n    def __repr__(self): return 'Table(1)'\n" +
        "class Plot:\n    def _repr_png_(self): return png\n" +
        "display('some text', Image(data=png))\ndisplay(Plot(), HTML('<b>bold</b>'))\nTable()",
    );
    expect(result.status).toBe("ok");
    const [text, image, plot, html, value] = result.outputs;
    const b64 = (await kernel.run("base64.b64encode(png).decode()")).outputs[0];
    const encoded = b64?.output_type === "execute_result" ? String(b64.data["text/plain"]).slice(1, -1) : "";
    expect(encoded).toMatch(/^iVBORw0KGgo/);
    expect(text).toEqual({ output_type: "display_data", data: { "text/plain": "'some text'" }, metadata: {} });
    expect(image).toEqual({ output_type: "display_data", data: { "image/png": encoded, "text/plain": "<IPython.core.display.Image object>" }, metadata: {} });
    expect(plot).toMatchObject({ output_type: "display_data", data: { "image/png": encoded } });
    expect(html).toMatchObject({ output_type: "display_data", data: { "text/html": "<b>bold</b>" } });
    expect(value).toEqual({
      output_type: "execute_result",
      execution_count: result.executionCount,
      data: { "text/html": "<table><tr><td>1</td></tr></table>", "text/plain": "Table(1)" },
      metadata: {},
    });
  });

  it("turns errors into error outputs with IPython's traceback, through earlier cells", async () => {
    const division = await kernel.run("print('before')\n1/0");
    expect(division.status).toBe("error");
    expect(division.outputs[0]).toEqual({ output_type: "stream", name: "stdout", text: "before\n" });
    const error = division.outputs[1];
    expect(error).toMatchObject({ output_type: "error", ename: "ZeroDivisionError", evalue: "division by zero" });
    const plain = (error?.output_type === "error" ? error.traceback : []).map((line) => line.replace(/\u001b\[[0-9;]*m/g, ""));
    expect(plain[1]).toMatch(/^ZeroDivisionError +Traceback \(most recent call last\)$/);
    expect(plain[2]).toBe(`Cell In[${division.executionCount}], line 2\n      1 print('before')\n----> 2 1/0\n`);
    expect(plain.at(-1)).toBe("ZeroDivisionError: division by zero");

    const defined = await kernel.run("def ratio(a, b):\n    return a / b");
    const called = await kernel.run("ratio(1, 0)");
    const frames = called.outputs[0]?.output_type === "error" ? called.outputs[0].traceback.join("") : "";
    expect(frames).toContain(`In[${called.executionCount}], line 1`);
    expect(frames).toContain(`In[${defined.executionCount}], line 2`);
    expect(frames).toContain("return a / b");

    const syntax = await kernel.run("def broken(:\n    pass");
    expect(syntax.outputs[0]).toMatchObject({ output_type: "error", ename: "SyntaxError" });
  });

  it("stops a `while True` loop with KeyboardInterrupt and keeps the kernel's variables", { timeout: 60_000 }, async () => {
    await kernel.run("kept = 'still here'");
    const interrupter = interruptAfter(interruptBuffer, 500);
    // The browser tests stop a bare `while True: pass`. Here Python runs on the test runner's
    // own thread, where an interrupt that never lands would block every timeout for good (it
    // held a CI run until its limit): the loop gives up after 30 s, which fails the test instead.
    const result = await kernel.run("import time\n_deadline = time.monotonic() + 30\nwhile True:\n    if time.monotonic() > _deadline:\n        break");
    await interrupter.terminate();
    interruptBuffer[0] = 0;
    expect(result.status).toBe("error");
    expect(result.outputs[0]).toMatchObject({ output_type: "error", ename: "KeyboardInterrupt" });
    expect((await kernel.run("kept")).outputs[0]).toMatchObject({ data: { "text/plain": "'still here'" } });
  });

  it("says why a package of Pyodide's cannot be imported and what an administrator can do", async () => {
    const result = await kernel.run("import numpy");
    expect(result.outputs[0]).toMatchObject({ output_type: "error", ename: "ModuleNotFoundError" });
    const evalue = result.outputs[0]?.output_type === "error" ? result.outputs[0].evalue : "";
    expect(evalue).toContain("The package numpy is not available because no Pyodide package repository is configured.");
    expect(evalue).toContain("An administrator can set a Pyodide package repository (the packages of Pyodide ");
    expect(evalue).toContain("in Admin → Notebooks, or with BENCHTOP_PYODIDE_PACKAGES_URL, to make it importable.");
    const traceback = result.outputs[0]?.output_type === "error" ? result.outputs[0].traceback.join("") : "";
    expect(traceback).not.toContain("benchtop");
    // Code that falls back when an optional package is missing still works.
    expect((await kernel.run("try:\n    import pandas\nexcept ImportError:\n    print('no pandas')")).outputs).toEqual([
      { output_type: "stream", name: "stdout", text: "no pandas\n" },
    ]);
    const pip = await kernel.run("%pip install numpy");
    expect(pip.outputs[0]).toMatchObject({ output_type: "error", ename: "RuntimeError" });
    expect(pip.outputs[0]?.output_type === "error" && pip.outputs[0].evalue).toContain("no Pyodide package repository is configured");
    expect(pip.outputs[0]?.output_type === "error" && pip.outputs[0].evalue).toContain("in Admin → Notebooks, or with BENCHTOP_PYODIDE_PACKAGES_URL.");
    const json = await kernel.run("import json, sqlite3, zoneinfo, csv\njson.dumps({'stdlib': True})");
    expect(json.outputs[0]).toMatchObject({ data: { "text/plain": `'{"stdlib": true}'` } });
  });

  it("reads the mounted working tree from the current directory and lists the files Python writes", async () => {
    kernel.mountFiles([
      { path: "data/sales.csv", bytes: new TextEncoder().encode("region,amount\nnorth,10\nsouth,32\n") },
      { path: "src/helpers.py", bytes: new TextEncoder().encode("def total(rows):\n    return sum(int(r['amount']) for r in rows)\n") },
    ]);
    const read = await kernel.run(
      "import csv, sys\nsys.path.insert(0, 'src')\nfrom helpers import total\nrows = list(csv.DictReader(open('data/sales.csv')))\nprint(total(rows))\n" +
        "open('out/summary.txt', 'w').write('42') if __import__('os').makedirs('out', exist_ok=True) is None else None\n" +
        "open('data/sales.csv', 'a').write('west,0\\n');",
    );
    expect(read.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "42\n" }]);
    expect(kernel.listWrittenFiles()).toEqual([
      { path: "data/sales.csv", size: 39, change: "modified" },
      { path: "out/summary.txt", size: 2, change: "added" },
    ]);
    expect(new TextDecoder().decode(kernel.readFile("out/summary.txt"))).toBe("42");
  });

  it("awaits at the top level and streams output while a cell runs", async () => {
    const seen: string[] = [];
    const result = await kernel.run("import asyncio\nprint('first')\nawait asyncio.sleep(0.2)\nprint('second')", (o) => {
      if (o.output_type === "stream") seen.push(o.text);
    });
    expect(result.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "first\nsecond\n" }]);
    expect(seen).toEqual(["first\n", "second\n"]);
  });
});
