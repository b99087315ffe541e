// The notebook's numbers: medians with their spread (fastest and slowest
// repetition), printed as a table and kept in bench.json.
import { cell, describePeak, peakMemory, printTable } from "./report.mjs";
import { formatBytes, median, round } from "./util.mjs";

const spread = (values) => {
  const kept = values.filter((v) => typeof v === "number" && Number.isFinite(v));
  return { median: round(median(kept)), min: kept.length ? round(Math.min(...kept)) : null, max: kept.length ? round(Math.max(...kept)) : null };
};

/** Rows: a label and how to read its value from one browser run. */
const BROWSER_ROWS = [
  { label: "click to Cell 1 shown, ms", value: (r) => r.firstCellMs, timed: true },
  { label: "click to last cell rendered (scrolled to the end), ms", value: (r) => r.lastCellMs, timed: true },
  { label: "long tasks until Cell 1 shown, count", value: (r) => r.opening.count },
  { label: "long tasks until Cell 1 shown, total ms", value: (r) => r.opening.totalMs },
  { label: "long tasks until last cell rendered, count", value: (r) => r.all.count },
  { label: "long tasks until last cell rendered, total ms", value: (r) => r.all.totalMs },
  { label: "longest long task, ms", value: (r) => r.all.longestMs },
];

export function summarizeNotebook({ notebook, nbformat, browser, error }) {
  // Times next to nbformat's whole process, measured in the same run: a machine that is busy slows both.
  const reference = median(nbformat.processMs);
  const rows = [
    ...(browser?.length
      ? BROWSER_ROWS.map(({ label, value, timed }) => {
          const row = { measure: label, ...spread(browser.map(value)) };
          return timed && row.median != null && reference ? { ...row, perNbformatProcess: round(row.median / reference, 2) } : row;
        })
      : []),
    { measure: "nbformat.read alone (Debian python3-nbformat), ms", ...spread(nbformat.readMs) },
    { measure: 'python3 -c "import nbformat; nbformat.read(...)", ms', ...spread(nbformat.processMs) },
  ];
  const warnings = [...new Set((browser ?? []).flatMap((run) => run.problems))];
  return {
    notebook: { path: notebook.path, cells: notebook.cells, bytes: notebook.bytes, ...notebook.counts, generateMs: round(notebook.generateMs) },
    rows,
    memory: browser ? peakMemory(browser.map((run) => run.peak)) : null,
    renderedCells: browser?.map((run) => run.renderedCells) ?? [],
    longestFrames: browser?.map((run) => run.longestFrames) ?? [],
    samples: { browser: browser?.map((run) => ({ firstCellMs: round(run.firstCellMs), lastCellMs: round(run.lastCellMs), scrollToLastMs: round(run.scrollToLastMs), opening: run.opening, all: run.all })) ?? null, nbformat },
    warnings,
    error: error ?? null,
  };
}

export function printNotebookSummary(summary) {
  const n = summary.notebook;
  console.log(`\nnotebook: ${n.path}, ${n.cells} cells (${n.markdown} Markdown, ${n.code} code; ${n.outputs} outputs: ${n.images} figures, ${n.tables} HTML tables, ${n.errors} tracebacks), ${formatBytes(n.bytes)}`);
  printTable(
    ["notebook view", "median", "min", "max", "÷ nbformat process"],
    summary.rows.map((row) => [row.measure, cell(row.median), cell(row.min), cell(row.max), row.perNbformatProcess == null ? "" : `${row.perNbformatProcess.toFixed(2)}x`]),
  );
  if (summary.memory) console.log(`peak memory while opening the notebook: ${describePeak(summary.memory)}`);
  for (const warning of summary.warnings) console.log(`warning: ${warning}`);
  if (summary.error) console.log(`error: ${summary.error}`);
}
