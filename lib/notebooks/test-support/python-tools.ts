// Debian's Jupyter tools, the reference the notebook tests compare with: nbformat
// validates and writes notebooks, nbconvert executes them with a real kernel.
// Missing tools fail the tests with what to install (never a silent skip).
import { spawnSync } from "node:child_process";

/** Debian's Python: the python3 first on PATH may be another one, without Debian's modules. */
export const PYTHON = "/usr/bin/python3";
export const NBCONVERT = "/usr/bin/jupyter-nbconvert";
export const PYTHON_PACKAGES = "python3-nbformat jupyter-nbconvert python3-ipykernel";

// /usr/bin first, so that the kernel nbconvert starts is Debian's Python too.
const env = { ...process.env, PATH: `/usr/bin:/bin:${process.env.PATH ?? ""}`, PYTHONIOENCODING: "utf-8", PYTHONDONTWRITEBYTECODE: "1" };

function run(command: string, args: string[], input?: string) {
  return spawnSync(command, args, { encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024, input });
}

/** Throws, naming the Debian packages to install, unless nbformat and nbconvert are there. */
export function requirePythonTools(): void {
  const nbformat = run(PYTHON, ["-c", "import nbformat, ipykernel"]);
  const nbconvert = run(NBCONVERT, ["--version"]);
  if (nbformat.status === 0 && nbconvert.status === 0) return;
  throw new Error(
    `The notebook tests need Debian's Jupyter tools (${PYTHON} with nbformat, and ${NBCONVERT}). ` +
      `Install them with: apt-get install ${PYTHON_PACKAGES} (or run node scripts/ensure-debian-tools.mjs as root).`,
  );
}

/** nbformat.validate's verdict on a notebook text: null when valid, else its message. */
export function nbformatProblem(text: string): string | null {
  const script = "import nbformat,sys; nbformat.validate(nbformat.reads(sys.stdin.read(), as_version=nbformat.NO_CONVERT))";
  const result = run(PYTHON, ["-c", script], text);
  return result.status === 0 ? null : result.stderr.trim().split("\n").slice(-3).join("\n");
}

/** The notebook as Jupyter writes it: nbformat.write() of what nbformat reads from `text`. */
export function jupyterWrites(text: string): string {
  const script = 'import nbformat,sys; sys.stdout.write(nbformat.writes(nbformat.reads(sys.stdin.read(), as_version=nbformat.NO_CONVERT)) + "\\n")';
  const result = run(PYTHON, ["-c", script], text);
  if (result.status !== 0) throw new Error(`nbformat could not rewrite the notebook: ${result.stderr}`);
  return result.stdout;
}

/** Executes notebooks with `jupyter-nbconvert --to notebook --execute` (errors kept as outputs) into `outputDir`. */
export function executeNotebooks(paths: string[], outputDir: string): void {
  const args = ["--to", "notebook", "--execute", "--allow-errors", "--output-dir", outputDir, "--ExecutePreprocessor.timeout=120", ...paths];
  const result = run(NBCONVERT, args);
  if (result.status !== 0) throw new Error(`jupyter-nbconvert failed:\n${result.stderr}`);
}

/** Real git's diff of two files: the line numbers each hunk removes (in `before`) and adds (in `after`). */
export function gitDiffLines(beforePath: string, afterPath: string): { removed: number[]; added: number[]; patch: string } {
  const result = run("git", ["diff", "--no-index", "--no-color", "-U0", beforePath, afterPath]);
  if (result.status !== 0 && result.status !== 1) throw new Error(`git diff failed: ${result.stderr}`);
  const removed: number[] = [];
  const added: number[] = [];
  for (const match of result.stdout.matchAll(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)) {
    const [oldStart, oldCount, newStart, newCount] = [match[1], match[2] ?? "1", match[3], match[4] ?? "1"].map(Number) as [number, number, number, number];
    for (let i = 0; i < oldCount; i++) removed.push(oldStart + i);
    for (let i = 0; i < newCount; i++) added.push(newStart + i);
  }
  return { removed, added, patch: result.stdout };
}
