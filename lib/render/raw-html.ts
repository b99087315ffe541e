import { escapeHtml } from "./escape";
import { EXTERNAL_REL, imageTag, type ImageSourceResolver } from "./markdown-rules";
import { isAbsoluteWebUrl, isSafeLinkUrl } from "./urls";

/**
 * Raw HTML inside a notebook's Markdown, kept to a strict allow-list.
 *
 * Why not escape it all, as READMEs do: notebooks lean on a little HTML that
 * Jupyter shows (`<br>`, `<sub>`, `<img width=...>`, `<details>`, `<font>`,
 * tables), and showing those as tag text makes common notebooks look broken.
 * Why this is still safe: nothing is passed through. Each tag is read with a
 * strict grammar and written anew from its name and the attributes on the list,
 * every value re-escaped; anything else (script, style, iframe, form, svg,
 * math, on* handlers, style/class/id attributes, unknown syntax) comes out as
 * text. `class`, `style` and `id` are refused because they would let a notebook
 * take on Benchtop's own classes, cover the page or clobber its ids. Links go
 * through the same check as Markdown links, images through the render's image
 * resolver. Open tags are closed at the end of the cell and stray closing tags
 * dropped, so one cell cannot swallow the next in a page built as one string.
 */

const VOID = new Set(["br", "hr", "img", "wbr", "col"]);

const TEXT_TAGS = "abbr b bdi bdo big blockquote caption center cite code dd del details dfn div dl dt em figcaption figure font h1 h2 h3 h4 h5 h6 i ins kbd li mark p pre q rp rt ruby s samp small span strike strong sub summary sup tbody tfoot thead tr tt u ul var";

const ATTRIBUTES: Record<string, readonly string[]> = {
  ...Object.fromEntries(TEXT_TAGS.split(" ").map((tag) => [tag, []])),
  a: ["href"],
  img: ["src", "alt", "width", "height"],
  ol: ["start"],
  table: ["border"],
  td: ["colspan", "rowspan"],
  th: ["colspan", "rowspan", "scope"],
  col: ["span"],
  colgroup: ["span"],
  br: [],
  hr: [],
  wbr: [],
};

const GLOBAL_ATTRIBUTES = ["title", "align"];

const NUMBER = /^\d{1,4}$/;
const VALUE_CHECKS: Record<string, RegExp> = {
  width: /^\d{1,4}(%|px)?$/i,
  height: /^\d{1,4}(%|px)?$/i,
  colspan: NUMBER,
  rowspan: NUMBER,
  span: NUMBER,
  start: NUMBER,
  border: /^\d$/,
  align: /^(left|right|center|justify)$/i,
  scope: /^(row|col|rowgroup|colgroup)$/i,
};

const COMMENT = /<!--[\s\S]*?-->/y;
const CLOSE_TAG = /<\/([A-Za-z][A-Za-z0-9]*)\s*>/y;
const OPEN_TAG = /<([A-Za-z][A-Za-z0-9]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Escapes text between tags but keeps character references (`&nbsp;`, `&#x3B1;`), which cannot make markup. */
function escapeText(text: string): string {
  return text.replace(/&(?!(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});)|[<>"']/gi, (char) => escapeHtml(char));
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/**
 * An attribute value as the browser would read it, for the checks. Only common
 * references are decoded: the value is escaped again when written, so what the
 * browser gets is exactly the string that was checked.
 */
function decodeValue(value: string): string {
  return value.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== "#") return Object.hasOwn(NAMED, ref.toLowerCase()) ? NAMED[ref.toLowerCase()]! : whole;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeValue(match[2] ?? match[3] ?? match[4] ?? ""));
  }
  return attributes;
}

/** Open tags still open in this render, innermost last. */
export type HtmlState = { open: string[] };

function openTag(tag: string, attributeSource: string, selfClosing: boolean, state: HtmlState, resolveImageSrc: ImageSourceResolver): string {
  const attributes = readAttributes(attributeSource);
  if (tag === "img") return imageTag(attributes.get("src") ?? "", attributes.get("alt") ?? "image", attributes.get("title") ?? "", resolveImageSrc);
  let written = "";
  for (const [name, value] of attributes) {
    if (!ATTRIBUTES[tag]!.includes(name) && !GLOBAL_ATTRIBUTES.includes(name)) continue;
    if (Object.hasOwn(VALUE_CHECKS, name) && !VALUE_CHECKS[name]!.test(value.trim())) continue;
    if (name === "href" && !isSafeLinkUrl(value)) continue;
    written += ` ${name}="${escapeHtml(value.trim())}"`;
  }
  if (tag === "a" && isAbsoluteWebUrl(attributes.get("href") ?? "") && written.includes(" href=")) written += ` rel="${EXTERNAL_REL}"`;
  if (VOID.has(tag)) return `<${tag}${written}>`;
  if (selfClosing) return `<${tag}${written}></${tag}>`;
  state.open.push(tag);
  return `<${tag}${written}>`;
}

function closeTag(tag: string, state: HtmlState): string {
  const index = state.open.lastIndexOf(tag);
  if (index === -1) return "";
  return state.open.splice(index).reverse().map((name) => `</${name}>`).join("");
}

function readAt(pattern: RegExp, source: string, position: number): RegExpExecArray | null {
  pattern.lastIndex = position;
  return pattern.exec(source);
}

/** One piece of raw HTML (a block or an inline tag) through the allow-list; `state` carries open tags across pieces. */
export function sanitizeRawHtml(source: string, state: HtmlState, resolveImageSrc: ImageSourceResolver): string {
  let out = "";
  let position = 0;
  while (position < source.length) {
    const next = source.indexOf("<", position);
    if (next === -1) return out + escapeText(source.slice(position));
    out += escapeText(source.slice(position, next));
    const comment = readAt(COMMENT, source, next);
    const close = comment ? null : readAt(CLOSE_TAG, source, next);
    const open = comment || close ? null : readAt(OPEN_TAG, source, next);
    const match = comment ?? close ?? open;
    const tag = match?.[1]?.toLowerCase();
    const allowed = tag !== undefined && Object.hasOwn(ATTRIBUTES, tag);
    if (comment) {
      // Comments are notes to the author; Jupyter does not show them either.
    } else if (allowed && close) {
      out += closeTag(tag, state);
    } else if (allowed && open) {
      out += openTag(tag, open[2] ?? "", open[3] === "/", state, resolveImageSrc);
    } else {
      out += "&lt;";
      position = next + 1;
      continue;
    }
    position = next + match![0].length;
  }
  return out;
}

/** Closes whatever the render left open. */
export function closeOpenTags(state: HtmlState): string {
  return state.open.splice(0).reverse().map((name) => `</${name}>`).join("");
}
