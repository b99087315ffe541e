import { describe, expect, it } from "vitest";
import { FRAME_POLICY, FRAME_SCRIPT } from "./html-frame";
import { renderOutput } from "./output";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==";
const ESC = "\u001b";

/** The value of an attribute as a browser reads it (the renderers escape exactly these five). */
function decodeAttribute(value: string): string {
  return value.replace(/&(quot|#39|lt|gt|amp);/g, (_, name: string) => ({ quot: '"', "#39": "'", lt: "<", gt: ">", amp: "&" })[name]!);
}

/** The one sandboxed frame an HTML output must be, exactly; returns its document. */
function onlyFrame(html: string): string {
  const match = /^<iframe class="nb-html-frame" sandbox="allow-scripts" referrerpolicy="no-referrer" title="HTML output" srcdoc="([^"<>]*)"><\/iframe>$/.exec(html);
  expect(match, html).not.toBeNull();
  return decodeAttribute(match![1]!);
}

describe("renderOutput: streams", () => {
  it("tells stdout and stderr apart by class and label", () => {
    const out = renderOutput({ output_type: "stream", name: "stdout", text: ["hello\n", "world\n"] });
    expect(out).toEqual({ kind: "stream", stream: "stdout", html: '<pre class="nb-stream nb-stdout" aria-label="Standard output">hello\nworld\n</pre>' });
    const err = renderOutput({ output_type: "stream", name: "stderr", text: "careful <b>\n" });
    expect(err).toEqual({ kind: "stream", stream: "stderr", html: '<pre class="nb-stream nb-stderr" aria-label="Standard error">careful &lt;b&gt;\n</pre>' });
  });

  it("shows a line redrawn with carriage returns (a progress bar) as a terminal leaves it", () => {
    expect(renderOutput({ output_type: "stream", name: "stdout", text: "10%\r50%\r100%\ndone\n" }).html).toContain(">100%\ndone\n</pre>");
  });
});

describe("renderOutput: execute_result and display_data", () => {
  it("text/plain with ANSI colours as coloured spans", () => {
    const out = renderOutput({ output_type: "execute_result", execution_count: 3, data: { "text/plain": `${ESC}[31mred${ESC}[0m plain ${ESC}[1;32mgreen${ESC}[0m` }, metadata: {} });
    expect(out.mimeType).toBe("text/plain");
    expect(out.html).toBe('<pre class="nb-text"><span style="color:rgb(187,0,0)">red</span> plain <span style="font-weight:bold;color:rgb(0,187,0)">green</span></pre>');
  });

  it("image/png and image/jpeg as data: URLs, with IPython's width from the metadata", () => {
    const png = renderOutput({ output_type: "display_data", data: { "image/png": `${PNG}\n`, "text/plain": "<Figure>" }, metadata: { "image/png": { width: 40 } } });
    expect(png.html).toBe(`<img class="nb-image" src="data:image/png;base64,${PNG}" alt="Image output (image/png)" width="40">`);
    const jpeg = renderOutput({ output_type: "display_data", data: { "image/jpeg": "/9j/4AAQSkZJRg==" }, metadata: {} });
    expect(jpeg.html).toBe('<img class="nb-image" src="data:image/jpeg;base64,/9j/4AAQSkZJRg==" alt="Image output (image/jpeg)">');
  });

  it("text/html in preference to text/plain, as the one sandboxed frame", () => {
    const out = renderOutput({ output_type: "execute_result", data: { "text/html": ["<table>", "<tr><td>1</td></tr>", "</table>"], "text/plain": "df" }, metadata: {} });
    expect(out.mimeType).toBe("text/html");
    const doc = onlyFrame(out.html);
    expect(doc).toContain("<body><table><tr><td>1</td></tr></table></body>");
    expect(out.frame).toEqual({ srcdoc: doc, sandbox: "allow-scripts", title: "HTML output" });
  });

  it("text/markdown through the Markdown renderer, text/latex typeset by KaTeX, application/json pretty-printed", () => {
    expect(renderOutput({ output_type: "display_data", data: { "text/markdown": "**bold** $x$" }, metadata: {} }).html).toMatch(/^<div class="nb-markdown markdown-body"><p><strong>bold<\/strong> <span class="katex">/);
    const latex = renderOutput({ output_type: "display_data", data: { "text/latex": "$\\displaystyle \\alpha$", "text/plain": "<Math>" }, metadata: {} });
    expect(latex.html).toMatch(/^<div class="nb-latex"><span class="katex">.*<annotation encoding="application\/x-tex">\\displaystyle \\alpha<\/annotation>/s);
    const json = renderOutput({ output_type: "display_data", data: { "application/json": { a: [1, "<b>"] } }, metadata: {} });
    expect(json.html).toBe('<pre class="nb-json">{\n  &quot;a&quot;: [\n    1,\n    &quot;&lt;b&gt;&quot;\n  ]\n}</pre>');
  });

  it("image/svg+xml as an <img> data: URL", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>';
    expect(renderOutput({ output_type: "display_data", data: { "image/svg+xml": svg }, metadata: {} }).html).toBe(
      `<img class="nb-image" src="data:image/svg+xml;base64,${btoa(svg)}" alt="Image output (image/svg+xml)">`,
    );
  });
});

describe("renderOutput: errors and what Benchtop cannot show", () => {
  it("an error's traceback in colour, escaped", () => {
    const out = renderOutput({ output_type: "error", ename: "ZeroDivisionError", evalue: "division by zero", traceback: [`${ESC}[0;31mZeroDivisionError${ESC}[0m: division by zero <here>`] });
    expect(out).toEqual({
      kind: "error",
      html: '<pre class="nb-error" aria-label="Error: ZeroDivisionError"><span style="color:rgb(187,0,0)">ZeroDivisionError</span>: division by zero &lt;here&gt;\n</pre>',
    });
  });

  it("widget views and unknown MIME types say so in one line instead of vanishing", () => {
    const widget = renderOutput({ output_type: "display_data", data: { "application/vnd.jupyter.widget-view+json": { model_id: "1f" }, "text/plain": "IntSlider(value=5)" }, metadata: {} });
    expect(widget.kind).toBe("unsupported");
    expect(widget.html).toBe('<p class="nb-unsupported">Output of type application/vnd.jupyter.widget-view+json is not shown in Benchtop</p><pre class="nb-text">IntSlider(value=5)</pre>');
    const unknown = renderOutput({ output_type: "display_data", data: { "application/vnd.plotly.v1+json": {}, "application/javascript": "alert(1)" }, metadata: {} });
    expect(unknown).toEqual({ kind: "unsupported", html: '<p class="nb-unsupported">Output of type application/vnd.plotly.v1+json, application/javascript is not shown in Benchtop</p>' });
    expect(renderOutput({ output_type: "<b>pyout</b>" }).html).toBe('<p class="nb-unsupported">Output of type &lt;b&gt;pyout&lt;/b&gt; is not shown in Benchtop</p>');
  });
});

describe("renderOutput: attacks", () => {
  it("attack: an HTML output with <script> is only ever inside a sandboxed srcdoc frame without allow-same-origin", () => {
    const out = renderOutput({ output_type: "display_data", data: { "text/html": '<script>parent.document.cookie</script><img src=x onerror=alert(1)>"></iframe><script>alert(2)</script>' }, metadata: {} });
    const doc = onlyFrame(out.html);
    expect(out.html).not.toContain("allow-same-origin");
    expect(out.html.replace(/srcdoc="[^"]*"/, "")).not.toMatch(/<script|onerror/);
    // Benchtop's own parts come first, so the output cannot take the frame's policy back.
    expect(doc.indexOf(`content="${FRAME_POLICY}"`)).toBeLessThan(doc.indexOf("<body>"));
    expect(doc).toContain(`<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}">`);
    expect(doc).toContain(`<script>${FRAME_SCRIPT}</script></head>`);
    expect(doc).toContain("<script>parent.document.cookie</script>");
  });

  it("attack: an SVG output with <script> and onload is only an <img> data: URL, never markup", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><foreignObject><img src=x onerror=alert(3)></foreignObject></svg>';
    const out = renderOutput({ output_type: "display_data", data: { "image/svg+xml": [svg] }, metadata: {} });
    expect(out.html).toBe(`<img class="nb-image" src="data:image/svg+xml;base64,${btoa(svg)}" alt="Image output (image/svg+xml)">`);
  });

  it("attack: an image output that is not base64 cannot break out of src; it says the output is not shown", () => {
    const out = renderOutput({ output_type: "display_data", data: { "image/png": '" onerror="alert(1)' }, metadata: { "image/png": { width: '1" onload="x' } } });
    expect(out).toEqual({ kind: "unsupported", html: '<p class="nb-unsupported">Output of type image/png is not shown in Benchtop</p>' });
  });

  it("attack: ANSI sequences carrying <script> and a javascript: hyperlink stay text", () => {
    const text = `${ESC}[31m<script>alert(1)</script>${ESC}[0m ${ESC}[38;5;196m<img src=x onerror=alert(2)>${ESC}[0m ${ESC}]8;;javascript:alert(3)${ESC}\\click${ESC}]8;;${ESC}\\`;
    for (const output of [
      { output_type: "stream", name: "stdout", text },
      { output_type: "error", ename: "E", evalue: "", traceback: [text] },
      { output_type: "execute_result", data: { "text/plain": text }, metadata: {} },
    ]) {
      const html = renderOutput(output).html;
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).not.toMatch(/<script|<img|<a |javascript/);
    }
  });
});
