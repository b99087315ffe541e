import { renderCellMarkdown } from "./cell-markdown";
import { escapeHtml } from "./escape";
import { joinText, type Notebook, type NotebookCell } from "./nbformat";
import { renderOutput, type OutputOptions } from "./output";

export type NotebookHtmlOptions = OutputOptions;

/** The notebook's language for `language-*` classes (the session highlights; this page does not). */
export function notebookLanguage(notebook: Notebook): string {
  const metadata = notebook.metadata ?? {};
  const name = metadata.kernelspec?.language ?? metadata.language_info?.name ?? "python";
  return String(name).toLowerCase().replace(/[^a-z0-9+#-]/g, "") || "python";
}

/** `In [3]:` and `Out[3]:` (`In [ ]:` for a cell that has not run), as Jupyter writes them. */
export function promptText(kind: "In" | "Out", executionCount: unknown): string {
  return `${kind === "In" ? "In " : "Out"}[${typeof executionCount === "number" && Number.isInteger(executionCount) ? executionCount : " "}]:`;
}

function codeCell(cell: NotebookCell, language: string, options: NotebookHtmlOptions): string {
  const outputs = (Array.isArray(cell.outputs) ? cell.outputs : []).map((output) => {
    const rendered = renderOutput(output, options);
    const prompt = output.output_type === "execute_result" ? promptText("Out", (output as { execution_count?: unknown }).execution_count) : "";
    return `<div class="nb-output"><div class="nb-prompt">${prompt}</div><div class="nb-output-body">${rendered.html}</div></div>`;
  });
  return (
    `<div class="nb-input"><div class="nb-prompt">${promptText("In", cell.execution_count)}</div>` +
    `<pre class="nb-source"><code class="language-${language}">${escapeHtml(joinText(cell.source))}</code></pre></div>` +
    (outputs.length ? `<div class="nb-outputs">${outputs.join("")}</div>` : "")
  );
}

function cellBody(cell: NotebookCell, language: string, options: NotebookHtmlOptions): string {
  if (cell.cell_type === "code") return codeCell(cell, language, options);
  if (cell.cell_type === "markdown") {
    return `<div class="nb-markdown markdown-body">${renderCellMarkdown(joinText(cell.source), { attachments: cell.attachments, resolveImage: options.resolveImage })}</div>`;
  }
  // Raw cells are for nbconvert, not for reading; Jupyter shows them as plain text.
  return `<pre class="nb-raw">${escapeHtml(joinText(cell.source))}</pre>`;
}

/**
 * A whole notebook as static HTML (the body of a page, for deployments): every
 * cell in order, each a region named "Cell N" as in the session, code with its
 * `In [n]:` prompt and escaped source, outputs by renderOutput (HTML outputs in
 * sandboxed frames). The page must load KaTeX's stylesheet (KATEX_STYLESHEET)
 * and style the nb-* classes.
 */
export function renderNotebookHtml(notebook: Notebook, options: NotebookHtmlOptions = {}): string {
  const language = notebookLanguage(notebook);
  const cells = (Array.isArray(notebook.cells) ? notebook.cells : []).map((cell, index) => {
    const type = cell.cell_type === "code" || cell.cell_type === "markdown" ? cell.cell_type : "raw";
    return `<section class="nb-cell nb-${type}-cell" aria-label="Cell ${index + 1}">${cellBody(cell, language, options)}</section>`;
  });
  return `<article class="nb-notebook">\n${cells.join("\n")}\n</article>\n`;
}
