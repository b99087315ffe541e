// Reference notebooks made by the real Jupyter: the cells are written by Python
// with nbformat (make_reference_notebook.py) and executed by Debian's
// jupyter-nbconvert, so their outputs are exactly what Jupyter stores. Other
// notebook tests can reuse them. Needs python3-nbformat, jupyter-nbconvert and
// python3-ipykernel (Debian packages).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Notebook } from "../nbformat";

export const PYTHON = "/usr/bin/python3";
export const NBCONVERT = "/usr/bin/jupyter-nbconvert";

const SCRIPT = path.join(__dirname, "make_reference_notebook.py");

export type ReferenceNotebook = { text: string; notebook: Notebook };

function assertJupyter(): void {
  if (!fs.existsSync(NBCONVERT)) {
    throw new Error(
      "These tests execute notebooks with Debian's Jupyter: apt-get install python3-nbformat jupyter-nbconvert python3-ipykernel",
    );
  }
}

/**
 * Executes `source` (an .ipynb path) with nbconvert, errors kept as outputs, and
 * writes the result into `dir`. Returns the executed notebook's path.
 */
export function executeNotebook(source: string, dir: string): string {
  assertJupyter();
  const output = path.join(dir, `${path.basename(source, ".ipynb")}.executed.ipynb`);
  execFileSync(NBCONVERT, ["--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.timeout=120", "--output", output, source], {
    cwd: dir,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      PATH: "/usr/bin:/bin",
      HOME: dir,
      JUPYTER_RUNTIME_DIR: path.join(dir, "runtime"),
      PYDEVD_DISABLE_FILE_VALIDATION: "1",
      LANG: "C.UTF-8",
    } as unknown as NodeJS.ProcessEnv,
  });
  return output;
}

let cached: ReferenceNotebook | undefined;

/**
 * The reference notebook (markdown with math and an attachment, stdout, stderr,
 * ANSI colours, an execute_result, an HTML table, PNG images, LaTeX, SVG, JSON,
 * Markdown and an error), executed once per test process.
 */
export function referenceNotebook(): ReferenceNotebook {
  if (cached) return cached;
  assertJupyter();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "benchtop-notebook-"));
  try {
    const source = path.join(dir, "reference.ipynb");
    execFileSync(PYTHON, [SCRIPT, source], { stdio: ["ignore", "ignore", "pipe"] });
    const text = fs.readFileSync(executeNotebook(source, dir), "utf8");
    cached = { text, notebook: JSON.parse(text) as Notebook };
    return cached;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
