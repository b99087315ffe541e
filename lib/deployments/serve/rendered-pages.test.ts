import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FRAME_SCRIPT_HASH } from "@/lib/render";
import { FRAME_SCRIPT } from "@/lib/render/html-frame";
import { executeNotebook, referenceNotebook } from "@/lib/render/test-support/reference-notebooks";
import { serveDeployedPath, type DeployedResponse } from ".";
import { RESIZE_SCRIPT, RESIZE_SCRIPT_HASH } from "./page-shell";
import { MAX_MARKDOWN_BYTES } from "./rendered-files";
import { makeBareRepository, tinyPng } from "./test-support/deployment-repository";
import { executableParts, startTags } from "./test-support/html-tags";

const BASE = "/deploy/lab-notes/";
const PLOT = tinyPng(5, 4, [20, 140, 60]);
const LOGO = tinyPng(2, 2, [200, 0, 0]);
const base64 = (bytes: Buffer) => bytes.toString("base64");

const NOTES = `# Lab notes

Inline $e^{i\\pi} + 1 = 0$ and display:

$$\\int_0^1 x\\,dx = \\frac{1}{2}$$

| sample | value |
|--------|-------|
| alpha  | 0.25  |

![plot](report/figures/plot.png) and <img src="report/figures/plot.png" width="50">

<script>document.title = "pwned"</script>

<img src="x" onerror="alert(1)">

[click](javascript:alert(2)) <a href="java&#x09;script:alert(3)">raw link</a> <a href="report/">the report</a>

<iframe src="https://evil.example/"></iframe><svg onload="alert(4)"><script>alert(5)</script></svg>

<style>body { display: none }</style><form action="https://evil.example/"><input name="x"></form>
`;

/** A notebook with images of the repository in its Markdown, relative to its folder. */
const WITH_IMAGES = JSON.stringify({
  nbformat: 4,
  nbformat_minor: 4,
  metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" } },
  cells: [
    { cell_type: "markdown", metadata: {}, source: ["# Figures\n", "\n", "![plot](figures/plot.png) ![logo](../logo.png) ![spaced](figures/my%20plot.png)\n"] },
    { cell_type: "markdown", metadata: {}, source: "![outside](../../outside.png) ![missing](figures/missing.png) ![vector](figures/icon.svg) ![web](https://tracker.example/p.png)" },
  ],
});

/** Script injections in a notebook's Markdown and in its outputs, executed by Jupyter so the outputs are what it stores. */
const EVIL_SOURCE = JSON.stringify({
  nbformat: 4,
  nbformat_minor: 4,
  metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" } },
  cells: [
    { cell_type: "markdown", metadata: {}, source: '<script>document.title = "md"</script>\n\n<img src=x onerror="alert(1)"> [x](javascript:alert(2))\n' },
    {
      cell_type: "code",
      metadata: {},
      execution_count: null,
      outputs: [],
      source: [
        "from IPython.display import HTML, Javascript, Markdown, SVG, display\n",
        "display(HTML('<script>parent.document.title = \"pwned\"</script><b>html output</b>'))\n",
        "display(Javascript('alert(3)'))\n",
        "display(Markdown('<script>alert(4)</script>\\n\\n<img src=y onerror=alert(5)>\\n\\n**md output**'))\n",
        "display(SVG('<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(6)\"><script>alert(7)</script></svg>'))\n",
        "print('\\x1b[31m<script>alert(8)</script>\\x1b[0m')",
      ],
    },
  ],
});

let root: string;
let dir: string;
let commit: string;
let reference: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "deploy-render-"));
  dir = path.join(root, "deployment.git");
  reference = referenceNotebook().text;
  const evilSource = path.join(root, "evil.ipynb");
  fs.writeFileSync(evilSource, EVIL_SOURCE);
  const evil = fs.readFileSync(executeNotebook(evilSource, root), "utf8");
  [commit] = makeBareRepository(dir, [
    {
      "notes.md": NOTES,
      "logo.png": LOGO,
      "report/reference.ipynb": reference,
      "report/figures.ipynb": WITH_IMAGES,
      "report/figures/plot.png": PLOT,
      "report/figures/my plot.png": PLOT,
      "report/figures/icon.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      "report/evil.ipynb": evil,
      "report/broken.ipynb": '{"cells": [<script>alert(1)</script>',
      "report/old.ipynb": JSON.stringify({ nbformat: 3, nbformat_minor: 0, metadata: {}, worksheets: [] }),
      "big.md": `# Big\n\n${"word ".repeat(MAX_MARKDOWN_BYTES / 5)}`,
      "README.markdown": "Plain *markdown* file.\n",
    },
  ]) as [string];
}, 180_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

type Options = { method?: "GET" | "HEAD"; ifNoneMatch?: string; sandbox?: boolean; raw?: boolean; baseUrl?: string; title?: string };

async function serve(requestPath: string, options: Options = {}): Promise<DeployedResponse> {
  return serveDeployedPath({ dir, commit, path: requestPath, baseUrl: options.baseUrl ?? BASE, title: options.title ?? "Lab notes", method: options.method ?? "GET", sandbox: options.sandbox ?? true, ifNoneMatch: options.ifNoneMatch, raw: options.raw });
}

async function page(requestPath: string, options: Options = {}): Promise<{ response: DeployedResponse; html: string }> {
  const response = await serve(requestPath, options);
  return { response, html: String(response.body) };
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const scriptSources = (response: DeployedResponse) => /script-src ([^;]*)/.exec(response.headers["content-security-policy"]!)![1]!.split(" ");

/** The documents of the page's sandboxed output frames, decoded. */
const frameDocuments = (html: string) => startTags(html).filter((tag) => tag.name === "iframe").map((tag) => tag.attributes.get("srcdoc")!);

/**
 * Nothing of the repository's runs: the page's only script is its own resize
 * script, no handler or script URL survives, frames are sandboxed srcdoc
 * documents, and a script inside a frame runs only if the page policy (which a
 * srcdoc frame inherits) allows its hash: lib/render's height reporter alone.
 */
function expectNothingRuns(response: DeployedResponse, html: string): void {
  const { scripts, findings } = executableParts(html);
  expect(findings).toEqual([]);
  const allowed = scriptSources(response);
  for (const script of scripts) expect(allowed).toContain(sha256(script));
  for (const document of frameDocuments(html)) {
    const inner = executableParts(document);
    const runnable = inner.scripts.filter((script) => allowed.includes(sha256(script)));
    expect(runnable).toEqual([FRAME_SCRIPT]);
  }
}

describe("rendered Markdown", () => {
  it("renders a Markdown file as Jupyter does: KaTeX math, tables, repository images inlined, under a strict policy", async () => {
    const { response, html } = await page("notes.md");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(html).toContain("<h1>Lab notes</h1>");
    expect(html).toMatch(/<annotation encoding="application\/x-tex">e\^\{i\\pi\} \+ 1 = 0<\/annotation>/);
    expect(html).toMatch(/<p class="katex-block"><span class="katex-display">/);
    expect(html).toMatch(/<td>alpha<\/td>\s*<td>0\.25<\/td>/);
    expect(html).toContain(`<img src="data:image/png;base64,${base64(PLOT)}" alt="plot">`);
    expect(html).toContain(`and <img src="data:image/png;base64,${base64(PLOT)}" alt="image">`);
    expect(html).toContain('<a href="report/">the report</a>');
    expect(html).toContain("<title>notes.md · Lab notes</title>");
    const policy = response.headers["content-security-policy"]!;
    expect(policy).toBe("default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-src 'none'; base-uri 'none'; form-action 'none'; sandbox allow-scripts allow-forms allow-popups");
  });

  it("attack: a Markdown file's <script>, onerror=, javascript: links, iframe, svg, style and form run nothing", async () => {
    const { response, html } = await page("notes.md");
    expect(executableParts(html)).toEqual({ scripts: [], findings: [] });
    expectNothingRuns(response, html);
    expect(html).toContain("&lt;script&gt;document.title = &quot;pwned&quot;&lt;/script&gt;");
    expect(html).not.toMatch(/<style>body \{ display: none \}/);
  });

  it("inlines KaTeX's stylesheet with its fonts as data: URLs when the page shows math, and not otherwise", async () => {
    const { html } = await page("notes.md");
    expect(html).toContain(".katex{");
    expect(html).toMatch(/@font-face\{font-display:block;font-family:KaTeX_Main;font-style:normal;font-weight:400;src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\) format\("woff2"\)/);
    expect(html).not.toMatch(/url\(fonts\//);
    const plain = await page("README.markdown");
    expect(plain.html).toContain("<p>Plain <em>markdown</em> file.</p>");
    expect(plain.html).not.toContain(".katex{");
  });

  it("serves the Markdown file itself as text with ?raw=1", async () => {
    const { response, html } = await page("notes.md", { raw: true });
    expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(html).toBe(NOTES);
    expect(response.headers["content-security-policy"]).toBe("sandbox allow-scripts allow-forms allow-popups");
  });

  it("offers a Markdown file over the limit as its raw file instead of rendering it", async () => {
    const { response, html } = await page("big.md");
    expect(response.status).toBe(200);
    expect(html).toContain("This Markdown file is 5.0 MB; Benchtop renders Markdown files of up to 5.0 MB.");
    expect(html).toContain('<a href="?raw=1">Open the raw file</a>');
    const raw = await serve("big.md", { raw: true });
    expect(raw.headers["content-length"]).toBe(String(MAX_MARKDOWN_BYTES + "# Big\n\n".length));
  });

  it("tags a rendered page by what it sends: 304 for the same, a new tag for another name or address", async () => {
    const { response } = await page("notes.md");
    const etag = response.headers.etag!;
    expect(etag).toMatch(/^"page-[0-9a-f]{40}"$/);
    const again = await serve("notes.md", { ifNoneMatch: etag });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers["content-security-policy"]).toBe(response.headers["content-security-policy"]);
    expect((await serve("notes.md", { title: "Renamed" })).headers.etag).not.toBe(etag);
    expect((await serve("notes.md", { baseUrl: "/deploy/other/" })).headers.etag).not.toBe(etag);
    const head = await serve("notes.md", { method: "HEAD" });
    expect(head.body).toBeNull();
    expect(head.headers).toEqual(response.headers);
  });

  it("without the sandbox, a rendered page keeps its own policy", async () => {
    const { response } = await page("notes.md", { sandbox: false });
    expect(response.headers["content-security-policy"]).toMatch(/^default-src 'none'; script-src 'none';.*form-action 'none'$/);
  });
});

describe("rendered notebooks", () => {
  it("renders a notebook executed by Jupyter with the session's renderer: table, images, math, traceback", async () => {
    const { response, html } = await page("report/reference.ipynb");
    expect(response.status).toBe(200);
    expect(html).toContain('<section class="nb-cell nb-markdown-cell" aria-label="Cell 1">');
    expect(html).toContain("<h1>Reference notebook</h1>");
    expect(html).toMatch(/<annotation encoding="application\/x-tex">e\^\{i\\pi\} \+ 1 = 0<\/annotation>/);
    expect(html).toContain('<pre class="nb-stream nb-stdout" aria-label="Standard output">hello from stdout\n</pre>');
    expect(html).toMatch(/<img class="nb-image" src="data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/=]+" alt="Image output \(image\/png\)">/);
    expect(html).toContain('<pre class="nb-error" aria-label="Error: ZeroDivisionError">');
    expect(html).toMatch(/<span style="color:rgb\(187,0,0\)">ZeroDivisionError<\/span>: division by zero/);
    expect(html).not.toContain("\u001b");
    const [table] = frameDocuments(html);
    expect(table).toContain('<table class="dataframe"><thead><tr><th>n</th><th>square</th></tr></thead><tbody><tr><td>1</td><td>1</td></tr><tr><td>2</td><td>4</td></tr>');
    expect(html).toContain('<a href="?raw=1">Raw file</a>');
  });

  it("runs only its own resize script and lib/render's frame script, both allowed by hash", async () => {
    const { response, html } = await page("report/reference.ipynb");
    expect(RESIZE_SCRIPT_HASH).toBe(sha256(RESIZE_SCRIPT));
    expect(scriptSources(response)).toEqual([RESIZE_SCRIPT_HASH, FRAME_SCRIPT_HASH]);
    expect(executableParts(html).scripts).toEqual([RESIZE_SCRIPT]);
    expectNothingRuns(response, html);
  });

  it("inlines the repository's images that Markdown cells name relative to the notebook, and only those", async () => {
    const { response, html } = await page("report/figures.ipynb");
    expect(html).toContain(`<img src="data:image/png;base64,${base64(PLOT)}" alt="plot">`);
    expect(html).toContain(`<img src="data:image/png;base64,${base64(LOGO)}" alt="logo">`);
    expect(html).toContain(`<img src="data:image/png;base64,${base64(PLOT)}" alt="spaced">`);
    for (const alt of ["outside", "missing", "vector"]) expect(html).toContain(`<span class="md-image-placeholder">[${alt}]</span>`);
    expect(html).toContain('<a href="https://tracker.example/p.png" rel="noopener noreferrer nofollow"><span class="md-image-placeholder">[web]</span></a>');
    expect(scriptSources(response)).toEqual(["'none'"]);
  });

  it("attack: a notebook with scripts in its Markdown and its outputs runs none of them", async () => {
    const { response, html } = await page("report/evil.ipynb");
    expect(response.status).toBe(200);
    expectNothingRuns(response, html);
    expect(html).toContain("&lt;script&gt;document.title = &quot;md&quot;&lt;/script&gt;");
    expect(html).toContain("<strong>md output</strong>");
    // Javascript() stores application/javascript beside its text/plain repr, which is what is shown (as in the session).
    expect(html).toContain('<pre class="nb-text">&lt;IPython.core.display.Javascript object&gt;</pre>');
    const [frame] = frameDocuments(html);
    // The HTML output's script is inside the sandboxed frame, whose policy lets only lib/render's script run.
    expect(frame).toContain('<script>parent.document.title = "pwned"</script><b>html output</b>');
    expect(html).toMatch(/<img class="nb-image" src="data:image\/svg\+xml;base64,[^"]+" alt="Image output \(image\/svg\+xml\)">/);
    expect(html).toContain('<span style="color:rgb(187,0,0)">&lt;script&gt;alert(8)&lt;/script&gt;</span>');
  });

  it("shows a file that is not a notebook as escaped text with the reason, and a raw link", async () => {
    const broken = await page("report/broken.ipynb");
    expect(broken.response.status).toBe(200);
    expect(broken.html).toMatch(/<code>report\/broken\.ipynb<\/code> is shown as text because it is not valid JSON/);
    expect(broken.html).toContain('<pre class="deploy-text">{&quot;cells&quot;: [&lt;script&gt;alert(1)&lt;/script&gt;</pre>');
    expect(executableParts(broken.html)).toEqual({ scripts: [], findings: [] });
    const old = await page("report/old.ipynb");
    expect(old.html).toMatch(/is shown as text because it is an nbformat 3 notebook/);
  });

  it("serves the notebook file itself as text with ?raw=1", async () => {
    const { response, html } = await page("report/reference.ipynb", { raw: true });
    expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(html).toBe(reference);
  });
});

describe("Benchtop's pages share one shell", () => {
  it("links the deployment's name and each folder, and styles the nb-* classes without loading anything", async () => {
    const { html } = await page("report/figures.ipynb");
    expect(html).toContain(`<nav aria-label="Location"><a href="${BASE}">Lab notes</a> / <a href="${BASE}report/">report</a> / <strong>figures.ipynb</strong></nav>`);
    expect(html).toContain(`commit <code>${commit.slice(0, 7)}</code>`);
    expect(html).toContain(".nb-input, .nb-output {");
    expect(startTags(html).filter((tag) => tag.name === "link")).toEqual([]);
  });
});

describe("the checker these tests read pages with", () => {
  it("finds scripts, handlers, script URLs, unsandboxed frames and embedding elements as a browser would read them", () => {
    const { scripts, findings } = executableParts(
      '<!-- <script>in a comment</script> --><p title="<script>">x</p><SCRIPT>one()</SCRIPT><img src=x OnError=alert(1)>' +
        '<a href="java&#x09;script:alert(2)">a</a><iframe src="https://e.example"></iframe><iframe sandbox="allow-scripts allow-same-origin" srcdoc="x"></iframe>' +
        '<style></style><script>two()</script></style><object data="x.swf"></object><textarea><script>not a script</script></textarea>',
    );
    expect(scripts).toEqual(["one()", "two()"]);
    expect(findings).toEqual([
      '<img onerror="alert(1)">',
      '<a href="java\tscript:alert(2)">',
      "<iframe> not a sandboxed srcdoc frame",
      "<iframe> not a sandboxed srcdoc frame",
      "<object>",
    ]);
  });
});
