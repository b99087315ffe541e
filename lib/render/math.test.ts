import { describe, expect, it } from "vitest";
import { renderLatexText } from "./math";

const formulas = (html: string) => [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((match) => match[1]);

describe("renderLatexText (text/latex outputs)", () => {
  it("typesets every delimiter MathJax reads in Jupyter, display ones on their own line, the rest as escaped text", () => {
    const html = renderLatexText("Let \\(a\\) and $b$ <i>x</i>:\n\\[c\\]\n$$d$$\n\\begin{align}e &= f\\end{align}");
    expect(formulas(html)).toEqual(["a", "b", "c", "d", "\\begin{align}e &amp;= f\\end{align}"]);
    expect(html.match(/<div class="nb-math-display">/g)).toHaveLength(3);
    expect(html).toContain(" and ");
    expect(html).toContain("&lt;i&gt;x&lt;/i&gt;:");
  });

  it("leaves text without delimiters as text, and an escaped dollar inside math as a dollar", () => {
    expect(renderLatexText("costs 5 <b>")).toBe("costs 5 &lt;b&gt;");
    expect(formulas(renderLatexText("$\\$5$"))).toEqual(["\\$5"]);
  });
});
