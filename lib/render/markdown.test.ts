import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders headings, lists, code and tables", () => {
    const html = renderMarkdown("# Title\n\n- one\n- two\n\n```py\nprint(1)\n```\n");
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<code class="language-py">print(1)\n</code>');
  });

  it("attack: raw script tags and event handlers come out as text", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<a href="javascript:alert(3)">x</a>');
    expect(html).not.toMatch(/<script|<img|<a /i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("attack: javascript:, vbscript: and data:text URLs are not made links", () => {
    const html = renderMarkdown("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:msgbox) [d](data:text/html,<script>alert(1)</script>)");
    expect(html).not.toMatch(/href="(javascript|vbscript|data)/i);
  });

  it("attack: an image cannot load from another site or run anything", () => {
    const html = renderMarkdown('![pixel](https://tracker.example/p.gif) ![x" onerror="alert(1)](javascript:alert(1)) ![local](docs/plot.png)');
    expect(html).not.toContain("<img");
    expect(html).toContain('<a href="https://tracker.example/p.gif" rel="noopener noreferrer nofollow"><span class="md-image-placeholder">[pixel]</span></a>');
    expect(html).toContain("[local]");
    expect(html).not.toMatch(/onerror="/);
  });

  it("keeps data: images and marks links to other sites", () => {
    expect(renderMarkdown("![dot](data:image/png;base64,iVBORw0KGgo=)")).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">');
    expect(renderMarkdown("see https://example.com")).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow">');
  });
});
