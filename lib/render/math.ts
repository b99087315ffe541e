// The markdown-it math plugin loads KaTeX with require(), which the package maps to
// dist/katex.js; its `import` entry is another file (dist/katex.mjs). Importing the
// same file here keeps one copy of KaTeX in the browser bundle, not two.
import katex from "katex/dist/katex.js";
import type { KatexOptions } from "katex";
import { escapeHtml } from "./escape";

/**
 * KaTeX as notebooks use it. `trust: false` (KaTeX's default, set so nobody turns
 * it on by accident) refuses `\href`, `\url`, `\includegraphics` and `\htmlData`,
 * `\htmlClass`, `\htmlId`, `\htmlStyle`: they show as red text, so math cannot
 * make links, load images or put attributes into the page. Errors show the
 * source in red instead of throwing; the limits keep a hostile macro from
 * freezing the page.
 */
export const KATEX_OPTIONS = {
  throwOnError: false,
  trust: false,
  strict: "ignore",
  maxExpand: 1000,
  maxSize: 50,
} satisfies KatexOptions;

export { katex };

/** One formula as HTML (with MathML for screen readers). */
export function renderMath(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode });
}

// The delimiters MathJax looks for in Jupyter's text/latex outputs, in the order they are tried.
const DELIMITERS = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|(\\begin\{([a-z]+\*?)\}[\s\S]+?\\end\{\5\})|\$((?:\\\$|[^$])+?)\$/g;

/**
 * A `text/latex` output as Jupyter shows it: the text with each formula in it
 * (`$...$`, `$$...$$`, `\(...\)`, `\[...\]`, `\begin{env}...\end{env}`) typeset,
 * display formulas on their own line, the rest escaped text.
 */
export function renderLatexText(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(DELIMITERS)) {
    out += escapeHtml(text.slice(last, match.index));
    const [, display, bracket, paren, environment, , inline] = match;
    out += display !== undefined || bracket !== undefined || environment !== undefined
      ? `<div class="nb-math-display">${renderMath((display ?? bracket ?? environment)!, true)}</div>`
      : renderMath((paren ?? inline)!, false);
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}
