import { describe, expect, it } from "vitest";
import { renderCellMarkdown } from "./cell-markdown";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==";
const blob = (path: string) => `blob:http://localhost/${encodeURIComponent(path)}`;

describe("renderCellMarkdown: math", () => {
  it("typesets $...$ inline and $$...$$ as a display block with KaTeX", () => {
    const html = renderCellMarkdown("Euler: $e^{i\\pi} + 1 = 0$\n\n$$\\frac{a}{b}$$\n");
    expect(html).toMatch(/<p>Euler: <span class="katex"><span class="katex-mathml"><math[^>]*><semantics>/);
    expect(html).toContain('<annotation encoding="application/x-tex">e^{i\\pi} + 1 = 0</annotation>');
    expect(html).toMatch(/<p class="katex-block"><span class="katex-display"><span class="katex">/);
    expect(html).toMatch(/<annotation encoding="application\/x-tex">\\frac\{a\}\{b\}\s*<\/annotation>/);
  });

  it("reads math before emphasis, as Jupyter does", () => {
    const html = renderCellMarkdown("$a_1 * b_2$ and $c_1 * d_2$");
    expect(html).not.toContain("<em>");
    expect(html.match(/class="katex"/g)).toHaveLength(2);
  });

  it("keeps math in code spans and code blocks as code", () => {
    const html = renderCellMarkdown("Price `$5 and $6` here\n\n```python\nx = '$y$'\n```\n\n    $$z$$\n");
    expect(html).not.toContain("katex");
    expect(html).toContain("<code>$5 and $6</code>");
    expect(html).toContain('<code class="language-python">x = \'$y$\'\n</code>');
    expect(html).toContain("<pre><code>$$z$$\n</code></pre>");
  });

  it("typesets a bare \\begin{equation} block and shows a bad formula in red, never throwing", () => {
    expect(renderCellMarkdown("\\begin{equation}\nE = mc^2\n\\end{equation}\n")).toContain("katex-display");
    expect(renderCellMarkdown("$\\frac{1$")).toMatch(/class="katex-error"[^>]*>\\frac\{1<\/span>/);
  });

  it("attack: KaTeX's \\href, \\url, \\includegraphics and \\htmlData make no link, image or attribute (trust is off)", () => {
    const html = renderCellMarkdown(
      "$\\href{javascript:alert(1)}{click}$ $\\url{javascript:alert(2)}$ $\\includegraphics{https://tracker.example/p.png}$ " +
        "$\\htmlData{onclick=alert(3)}{x}$ $\\htmlClass{fixed}{x}$ $\\htmlStyle{position:fixed}{x}$ $\\htmlId{main}{x}$",
    );
    // The source stays readable as text in MathML's <annotation>; no markup is made of it.
    const markup = html.replace(/<annotation encoding="application\/x-tex">[^<]*<\/annotation>/g, "");
    expect(markup).not.toMatch(/<a[\s>]|\shref=|<img|\sdata-|\sid=|javascript|position:fixed/);
    for (const command of ["\\href", "\\url", "\\includegraphics", "\\htmlData", "\\htmlClass", "\\htmlStyle", "\\htmlId"]) {
      expect(html).toContain(`<span class="mord" style="color:#cc0000;">${command}</span>`);
    }
  });
});

describe("renderCellMarkdown: images", () => {
  it("resolves attachment: images from the cell's attachments as data: URLs", () => {
    const html = renderCellMarkdown("![plot](attachment:my%20plot.png)", { attachments: { "my plot.png": { "image/png": [PNG.slice(0, 20), PNG.slice(20)] } } });
    expect(html).toContain(`<img src="data:image/png;base64,${PNG}" alt="plot">`);
  });

  it("resolves relative images through resolveImage, decoded, and shows the description when it gives nothing", () => {
    const asked: string[] = [];
    const html = renderCellMarkdown("![fig](figures/r%C3%A9sultat.png) ![gone](missing.png)", {
      resolveImage: (path) => (asked.push(path), path === "missing.png" ? null : blob(path)),
    });
    expect(asked).toEqual(["figures/résultat.png", "missing.png"]);
    expect(html).toContain(`<img src="${blob("figures/résultat.png")}" alt="fig">`);
    expect(html).toContain('<span class="md-image-placeholder">[gone]</span>');
  });

  it("loads no image from another site (a tracking pixel): a link to it instead", () => {
    const html = renderCellMarkdown("![pixel](https://tracker.example/p.gif)", { resolveImage: blob });
    expect(html).not.toContain("<img");
    expect(html).toContain('<a href="https://tracker.example/p.gif" rel="noopener noreferrer nofollow"><span class="md-image-placeholder">[pixel]</span></a>');
  });

  it("attack: an attachment whose MIME type is text/html never becomes markup or a data:text URL", () => {
    const evil = btoa("<script>alert(1)</script>");
    const html = renderCellMarkdown("![x](attachment:evil.html)", { attachments: { "evil.html": { "text/html": evil } } });
    expect(html).toBe('<p><span class="md-image-placeholder">[x]</span></p>\n');
  });

  it("attack: an SVG attachment with <script> and onload is only ever an <img> data: URL, where nothing runs", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';
    for (const value of [btoa(svg), svg]) {
      const html = renderCellMarkdown("![s](attachment:s.svg)", { attachments: { "s.svg": { "image/svg+xml": value } } });
      expect(html).toBe(`<p><img src="data:image/svg+xml;base64,${btoa(svg)}" alt="s"></p>\n`);
    }
  });

  it("attack: an attachment value that is not base64 cannot break out of the src attribute", () => {
    const html = renderCellMarkdown("![x](attachment:a.png)", { attachments: { "a.png": { "image/png": '" onerror="alert(1)' } } });
    expect(html).toBe('<p><span class="md-image-placeholder">[x]</span></p>\n');
  });

  it("attack: a resolver answer with a script URL is not used", () => {
    const html = renderCellMarkdown("![x](a.png)", { resolveImage: () => "javascript:alert(1)" });
    expect(html).not.toContain("javascript");
  });
});

describe("renderCellMarkdown: raw HTML allow-list", () => {
  it("keeps the HTML notebooks use (line breaks, sub/sup, details, tables, sized images) rewritten from scratch", () => {
    const html = renderCellMarkdown(
      'H<sub>2</sub>O<br/>x<sup>2</sup>\n\n<details><summary>More</summary>hidden &amp; shown&nbsp;</details>\n\n<table border="1"><tr><td colspan="2" align="center">a</td></tr></table>\n\n<img src="fig.png" width="300" alt="Figure">\n',
      { resolveImage: blob },
    );
    expect(html).toContain("<p>H<sub>2</sub>O<br>x<sup>2</sup></p>");
    expect(html).toContain("<details><summary>More</summary>hidden &amp; shown&nbsp;</details>");
    expect(html).toContain('<table border="1"><tr><td colspan="2" align="center">a</td></tr></table>');
    expect(html).toContain(`<img src="${blob("fig.png")}" alt="Figure">`);
  });

  it("attack: <script> and <img onerror> come out as text or without their handler", () => {
    const html = renderCellMarkdown('<script>alert(1)</script>\n\nText <img src=x onerror="alert(2)"> and <b onmouseover=alert(3)>bold</b>\n\n<svg onload=alert(4)></svg><iframe src="https://e.example"></iframe>');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toMatch(/<script|<svg|<iframe|<[^>]*\son(error|mouseover|load)=/i);
    expect(html).toContain("<b>bold</b>");
    expect(html).toContain('<span class="md-image-placeholder">[image]</span>');
  });

  it("attack: javascript: links, in Markdown and in HTML, however they are spelled, are not made links", () => {
    const html = renderCellMarkdown(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) <a href="java&#x09;script:alert(3)">c</a> <a href="&#106;avascript:alert(4)">d</a> <a href=" javascript:alert(5)">e</a> <a href="vbscript:x">f</a> <a href="data:text/html,<script>alert(6)</script>">g</a>',
    );
    expect(html).not.toMatch(/href="[^"]*(script|data:)/i);
    expect(html).toContain("<a>c</a>");
  });

  it("attack: javascript: and data:text images are not loaded", () => {
    const html = renderCellMarkdown('![x](javascript:alert(1)) <img src="javascript:alert(2)"> <img src="data:text/html;base64,PHNjcmlwdD4="> ![y](data:text/html,hi)', { resolveImage: blob });
    expect(html).not.toMatch(/<img|src="(javascript|data:text)/i);
  });

  it("attack: class, style and id cannot dress notebook HTML as Benchtop's own page", () => {
    const html = renderCellMarkdown('<div class="fixed inset-0 z-50" style="position:fixed" id="main">Sign in again</div>');
    expect(html).toBe("<div>Sign in again</div>");
  });

  it("closes what a cell leaves open and drops stray closing tags, so a cell cannot swallow the page", () => {
    expect(renderCellMarkdown("<div><table><tr><td>open")).toBe("<div><table><tr><td>open</td></tr></table></div>");
    expect(renderCellMarkdown("</div></sub>text")).toBe("text");
    expect(renderCellMarkdown("</section>text")).toBe("&lt;/section&gt;text");
    expect(renderCellMarkdown("<b>bold *x*\n\nstill</b> after")).toBe("<p><b>bold <em>x</em></p>\n<p>still</b> after</p>\n");
  });

  it("treats inherited object keys as the unknown names they are", () => {
    expect(renderCellMarkdown('<constructor>x</constructor> <b toString="1" __proto__="2">y</b> &constructor;')).toBe("<p>&lt;constructor&gt;x&lt;/constructor&gt; <b>y</b> &amp;constructor;</p>\n");
  });
});
