// Real notebooks for the tests: small sources executed by Debian's jupyter-nbconvert,
// so that their outputs (text, stderr, an HTML table, a PNG, SVG, LaTeX, JSON, an
// error with its coloured traceback) and their layout are what Jupyter makes.
import fs from "node:fs";
import path from "node:path";
import { executeNotebooks, requirePythonTools } from "./python-tools";

const PNG_CELL = `import struct, zlib
from IPython.display import Image, display

def png(width, height, rgb):
    """A tiny PNG from the standard library (no figure library needed)."""
    raw = b"".join(b"\\x00" + bytes(rgb) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")

display(Image(data=png(4, 3, (200, 30, 30))))`;

const HTML_CELL = `from IPython.display import HTML
rows = [("north", 12.5), ("south", 7.25)]
HTML("<table>\\n<tr><th>region</th><th>total</th></tr>\\n" + "\\n".join(f"<tr><td>{r}</td><td>{t}</td></tr>" for r, t in rows) + "\\n</table>")`;

const SOURCES: Record<string, { minor: number; cells: [string, string][] }> = {
  "outputs.ipynb": {
    minor: 5,
    cells: [
      ["markdown", "# Every kind of output\n\nInline math $e^{i\\pi} + 1 = 0$ and a display:\n\n$$\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$$"],
      ["code", 'total = sum(range(10))\nprint("total:", total)\nprint("déjà vu — ✓")'],
      ["code", 'import sys\nprint("a warning", file=sys.stderr)\nprint("and out")'],
      ["code", "total * 2"],
      ["code", HTML_CELL],
      ["markdown", "A red *PNG*, drawn with the standard library:"],
      ["code", PNG_CELL],
      ["code", 'from IPython.display import SVG\nSVG(\'<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">\\n<circle cx="10" cy="10" r="8" fill="teal"/>\\n</svg>\')'],
      ["code", 'from IPython.display import Math, display\ndisplay(Math(r"\\int_0^1 x^2\\,dx = \\frac{1}{3}"))'],
      ["code", 'from IPython.display import JSON\nJSON({"name": "Zürich", "values": [1, 2.5, None]})'],
      ["code", "def divide(a, b):\n    return a / b\n\ndivide(1, 0)"],
      ["code", ""],
    ],
  },
  "analysis-4.4.ipynb": {
    minor: 4,
    cells: [
      ["markdown", "## Analysis\n\nWritten as nbformat 4.4 (no cell ids)."],
      ["code", "values = [3, 1, 4, 1, 5, 9, 2, 6]\nsorted(values)"],
      ["code", "for v in values[:3]:\n    print(v, v ** 2)"],
      ["markdown", "The end."],
    ],
  },
};

function sourceNotebook(minor: number, cells: [string, string][]) {
  return {
    nbformat: 4,
    nbformat_minor: minor,
    metadata: { kernelspec: { display_name: "Python 3", language: "python", name: "python3" } },
    cells: cells.map(([type, source], index) => ({
      ...(minor >= 5 ? { id: `cell-${index + 1}` } : {}),
      cell_type: type,
      metadata: {},
      source,
      ...(type === "code" ? { execution_count: null, outputs: [] } : {}),
    })),
  };
}

/** Writes the source notebooks into `dir`, executes them with nbconvert and returns the executed files' texts by name. */
export function buildReferenceNotebooks(dir: string): Record<string, string> {
  requirePythonTools();
  const sources = path.join(dir, "sources");
  const executed = path.join(dir, "executed");
  fs.mkdirSync(sources, { recursive: true });
  const paths = Object.entries(SOURCES).map(([name, { minor, cells }]) => {
    const file = path.join(sources, name);
    fs.writeFileSync(file, JSON.stringify(sourceNotebook(minor, cells), null, 2));
    return file;
  });
  executeNotebooks(paths, executed);
  return Object.fromEntries(Object.keys(SOURCES).map((name) => [name, fs.readFileSync(path.join(executed, name), "utf8")]));
}
