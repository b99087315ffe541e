// The notebook part of the benchmark: a small project holding the generated
// 500-cell notebook, Debian's nbformat reading the same file as the reference
// point, and the notebook opened in the session's notebook view in Chromium.
import fs from "node:fs";
import path from "node:path";
import { notebookBrowserRuns } from "./notebook-browser.mjs";
import { generateNotebook, NOTEBOOK_SPEC } from "./notebook-content.mjs";
import { createUserAndProject, pushRepository } from "./setup.mjs";
import { BenchError, formatBytes, log, nowMs, run } from "./util.mjs";

const PYTHON = "/usr/bin/python3";
const NOTEBOOK_PATH = "sales-analysis.ipynb";
const README = "# Sales analysis\n\nThe weekly sales notebook (generated for Benchtop's benchmark).\n";

/** A one-commit repository at `dir` with the notebook and a README. */
export async function createNotebookRepository(dir, env) {
  const started = nowMs();
  const notebook = generateNotebook(NOTEBOOK_SPEC);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, NOTEBOOK_PATH), notebook.text);
  fs.writeFileSync(path.join(dir, "README.md"), README);
  const git = (args) => run("git", args, { cwd: dir, env });
  await git(["init", "--quiet", "--initial-branch=main"]);
  await git(["add", "."]);
  await git(["commit", "--quiet", "-m", "Add the sales analysis notebook"]);
  const generateMs = nowMs() - started;
  log(`generated the notebook: ${notebook.cells} cells, ${formatBytes(notebook.bytes)} (${notebook.counts.images} figures, ${notebook.counts.tables} tables) in ${(generateMs / 1000).toFixed(1)} s`);
  return { name: "notebook", dir, path: NOTEBOOK_PATH, file: path.join(dir, NOTEBOOK_PATH), bytes: notebook.bytes, cells: notebook.cells, counts: notebook.counts, generateMs };
}

/**
 * nbformat reading the notebook, `reps` times: the whole `python3 -c "import nbformat;
 * nbformat.read(...)"` process, and nbformat.read alone (timed inside Python). The
 * file is validated first, untimed: a notebook nbformat rejects would measure nothing.
 */
export async function nbformatBaselines(file, reps) {
  const validate = "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT))";
  await run(PYTHON, ["-c", validate, file]).catch((error) => {
    if (/No module named|could not start/.test(error.message)) throw new BenchError(`The notebook reference needs Debian's nbformat at ${PYTHON} (apt-get install python3-nbformat): ${error.message}`);
    throw new BenchError(`Debian's nbformat rejects the generated notebook (a harness bug): ${error.message}`);
  });
  const read = "import sys, time, nbformat\nt = time.perf_counter()\nnbformat.read(sys.argv[1], as_version=4)\nprint((time.perf_counter() - t) * 1000)";
  const samples = { processMs: [], readMs: [] };
  for (let i = 0; i < reps; i++) {
    const { stdout, ms } = await run(PYTHON, ["-c", read, file]);
    samples.processMs.push(ms);
    samples.readMs.push(Number(stdout.trim()));
  }
  return samples;
}

/** Seeds the project, measures nbformat and (unless skipped) the browser. Returns the raw numbers, or `error` when the browser part broke. */
export async function benchNotebook({ notebook, server, env, scratch, reps, skipBrowser, resultsDir }) {
  const { user, token, project } = await createUserAndProject(server.baseUrl, server.adminToken, notebook.name);
  await pushRepository(notebook, project, token, env);
  const nbformat = await nbformatBaselines(notebook.file, reps);
  if (skipBrowser) return { notebook, nbformat, browser: null, error: null };
  const runScratch = fs.mkdtempSync(path.join(scratch, "notebook-"));
  try {
    const browser = await notebookBrowserRuns({ baseUrl: server.baseUrl, user, project, scratch: runScratch, reps, resultsDir, notebook });
    return { notebook, nbformat, browser, error: null };
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    return { notebook, nbformat, browser: null, error: error.message };
  } finally {
    fs.rmSync(runScratch, { recursive: true, force: true });
  }
}
