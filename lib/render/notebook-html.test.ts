import { beforeAll, describe, expect, it } from "vitest";
import type { Notebook } from "./nbformat";
import { renderNotebookHtml } from "./notebook-html";
import { referenceNotebook } from "./test-support/reference-notebooks";

/** Each "Cell N" region's inner HTML, in order. */
function cellsOf(html: string): string[] {
  const cells = [...html.matchAll(/<section class="nb-cell nb-(?:code|markdown|raw)-cell" aria-label="Cell (\d+)">([\s\S]*?)<\/section>/g)];
  cells.forEach((match, index) => expect(match[1]).toBe(String(index + 1)));
  return cells.map((match) => match[2]!);
}

/** The HTML of the outputs of a code cell, one string per output. */
function outputsOf(cell: string): string[] {
  return cell.split('<div class="nb-output">').slice(1);
}

describe("renderNotebookHtml on a notebook executed by jupyter-nbconvert", () => {
  let notebook: Notebook;
  let cells: string[];

  beforeAll(() => {
    notebook = referenceNotebook().notebook;
    cells = cellsOf(renderNotebookHtml(notebook));
  }, 120_000);

  it("shows every cell in order, code with its prompt and escaped source in the notebook's language", () => {
    expect(cells).toHaveLength(notebook.cells!.length);
    expect(cells[1]).toContain('<div class="nb-prompt">In [1]:</div><pre class="nb-source"><code class="language-python">print(&#39;hello from stdout&#39;)\nimport sys');
    expect(cells[7]).toContain("In [7]:");
  });

  it("renders the Markdown cell: KaTeX math, code untouched, the attachment as a data: image", () => {
    const markdown = cells[0]!;
    expect(markdown).toContain("<h1>Reference notebook</h1>");
    expect(markdown).toMatch(/<annotation encoding="application\/x-tex">e\^\{i\\pi\} \+ 1 = 0<\/annotation>/);
    expect(markdown).toMatch(/<p class="katex-block"><span class="katex-display">/);
    expect(markdown).toContain("<code>$not math$</code>");
    const attachment = (notebook.cells![0]!.attachments!["dot.png"]!["image/png"] as string).replace(/\s/g, "");
    expect(markdown).toContain(`<img src="data:image/png;base64,${attachment}" alt="dot">`);
  });

  it("shows stdout and stderr apart, ANSI colours and the execute_result with its Out prompt", () => {
    const [stdout, stderr] = outputsOf(cells[1]!);
    expect(stdout).toContain('<pre class="nb-stream nb-stdout" aria-label="Standard output">hello from stdout\n</pre>');
    expect(stderr).toContain('<pre class="nb-stream nb-stderr" aria-label="Standard error">careful: stderr\n</pre>');
    const [coloured, result] = outputsOf(cells[2]!);
    expect(coloured).toContain('<span style="color:rgb(187,0,0)">red</span> and <span style="font-weight:bold;color:rgb(0,187,0)">bold green</span>');
    expect(result).toContain('<div class="nb-prompt">Out[2]:</div><div class="nb-output-body"><pre class="nb-text">42</pre>');
  });

  it("shows the HTML table only inside a sandboxed frame", () => {
    const [table] = outputsOf(cells[3]!);
    expect(table).toMatch(/<iframe class="nb-html-frame" sandbox="allow-scripts" referrerpolicy="no-referrer" title="HTML output" srcdoc="[^"]*&lt;table class=&quot;dataframe&quot;&gt;&lt;thead&gt;&lt;tr&gt;&lt;th&gt;n&lt;\/th&gt;/);
    expect(table).not.toContain("<table");
  });

  it("shows PNG images (one sized by IPython), LaTeX, SVG, JSON and Markdown outputs with their elements", () => {
    const [png, sized] = outputsOf(cells[4]!);
    expect(png).toMatch(/<img class="nb-image" src="data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/=]+" alt="Image output \(image\/png\)">/);
    expect(sized).toMatch(/Out\[4\]:.*<img class="nb-image" src="data:image\/png;base64,[^"]+" alt="Image output \(image\/png\)" width="40">/s);
    const [latex, math] = outputsOf(cells[5]!);
    expect(latex).toMatch(/<div class="nb-latex"><span class="katex">.*\\alpha\^2 \+ \\beta\^2<\/annotation>/s);
    // IPython's Math() writes `$\displaystyle ...$`: inline delimiters, display style.
    expect(math).toMatch(/Out\[5\]:.*<div class="nb-latex"><span class="katex">.*\\displaystyle \\int_0\^1/s);
    const [svg, json, markdown] = outputsOf(cells[6]!);
    expect(svg).toMatch(/<img class="nb-image" src="data:image\/svg\+xml;base64,[^"]+" alt="Image output \(image\/svg\+xml\)">/);
    expect(json).toContain('<pre class="nb-json">{\n  &quot;answer&quot;: 42,');
    expect(markdown).toContain('<div class="nb-markdown markdown-body"><p><strong>bold</strong> from a display</p>');
  });

  it("shows the error with its traceback in colour", () => {
    const [error] = outputsOf(cells[7]!);
    expect(error).toContain('<pre class="nb-error" aria-label="Error: ZeroDivisionError">');
    expect(error).toMatch(/<span style="color:rgb\(187,0,0\)">ZeroDivisionError<\/span>: division by zero/);
    expect(error).not.toContain("\u001b");
  });
});

describe("renderNotebookHtml on hand-made notebooks", () => {
  it("shows cells that never ran with In [ ]:, raw cells as text, and survives missing fields", () => {
    const html = renderNotebookHtml({
      metadata: { kernelspec: { language: 'R"><script>' } },
      cells: [{ cell_type: "code", source: "x <- 1", execution_count: null, outputs: [] }, { cell_type: "raw", source: "<b>raw</b>" }, { cell_type: "code" }],
    });
    const cells = cellsOf(html);
    expect(cells[0]).toBe('<div class="nb-input"><div class="nb-prompt">In [ ]:</div><pre class="nb-source"><code class="language-rscript">x &lt;- 1</code></pre></div>');
    expect(cells[1]).toBe('<pre class="nb-raw">&lt;b&gt;raw&lt;/b&gt;</pre>');
    expect(cells[2]).toContain("In [ ]:");
    expect(renderNotebookHtml({})).toBe('<article class="nb-notebook">\n\n</article>\n');
  });

  it("attack: a Markdown cell that leaves tags open cannot pull the next cell into it", () => {
    const html = renderNotebookHtml({ cells: [{ cell_type: "markdown", source: "<table><tr><td><div>" }, { cell_type: "markdown", source: "next" }] });
    expect(cellsOf(html)).toEqual(['<div class="nb-markdown markdown-body"><table><tr><td><div></div></td></tr></table></div>', '<div class="nb-markdown markdown-body"><p>next</p>\n</div>']);
  });
});
