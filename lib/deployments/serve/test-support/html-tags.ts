// The start tags of an HTML document as a browser's tokenizer reads them
// (comments, end tags and the raw text of script, style, iframe, textarea and
// the like skipped as HTML skips them), with attribute values decoded. No HTML
// parser is among the project's dependencies; this is enough to ask what a page
// would run: which scripts, which event handlers, which URLs.

export type StartTag = { name: string; attributes: Map<string, string>; text: string };

const RAW_TEXT = new Set(["script", "style", "textarea", "title", "iframe", "noembed", "noframes", "xmp"]);
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", tab: "\t", newline: "\n", colon: ":" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, entity: string) => {
    if (entity[0] === "#") return String.fromCodePoint(parseInt(entity[1] === "x" || entity[1] === "X" ? entity.slice(2) : entity.slice(1), entity[1]?.toLowerCase() === "x" ? 16 : 10));
    return NAMED[entity.toLowerCase()] ?? whole;
  });
}

const SPACE = /[\t\n\f\r ]/;

export function startTags(html: string): StartTag[] {
  const tags: StartTag[] = [];
  let i = 0;
  const until = (needle: string, from: number) => {
    const at = html.indexOf(needle, from);
    return at < 0 ? html.length : at + needle.length;
  };
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) break;
    const next = html[lt + 1] ?? "";
    if (html.startsWith("<!--", lt)) i = until("-->", lt + 4);
    else if (next === "!" || next === "?") i = until(">", lt + 2);
    else if (next === "/" && /[a-z]/i.test(html[lt + 2] ?? "")) i = until(">", lt + 2);
    else if (/[a-z]/i.test(next)) i = readTag(html, lt + 1, tags);
    else i = lt + 1;
  }
  return tags;
}

/** One start tag from its name (at `start`); answers where reading goes on. */
function readTag(html: string, start: number, tags: StartTag[]): number {
  let i = start;
  while (i < html.length && !SPACE.test(html[i]!) && html[i] !== "/" && html[i] !== ">") i += 1;
  const name = html.slice(start, i).toLowerCase();
  const attributes = new Map<string, string>();
  while (i < html.length && html[i] !== ">") {
    if (SPACE.test(html[i]!) || html[i] === "/") {
      i += 1;
      continue;
    }
    const nameStart = i;
    i += 1;
    while (i < html.length && !SPACE.test(html[i]!) && !["/", ">", "="].includes(html[i]!)) i += 1;
    const attribute = html.slice(nameStart, i).toLowerCase();
    while (SPACE.test(html[i] ?? "")) i += 1;
    let value = "";
    if (html[i] === "=") {
      i += 1;
      while (SPACE.test(html[i] ?? "")) i += 1;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const end = html.indexOf(quote, i + 1);
        value = html.slice(i + 1, end < 0 ? html.length : end);
        i = end < 0 ? html.length : end + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !SPACE.test(html[i]!) && html[i] !== ">") i += 1;
        value = html.slice(valueStart, i);
      }
    }
    if (!attributes.has(attribute)) attributes.set(attribute, decodeEntities(value));
  }
  i += 1;
  let text = "";
  if (RAW_TEXT.has(name)) {
    const close = html.toLowerCase().indexOf(`</${name}`, i);
    text = html.slice(i, close < 0 ? html.length : close);
    i = close < 0 ? html.length : close;
  }
  tags.push({ name, attributes, text });
  return i;
}

const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset"];

/**
 * What in a page could run script outside sandboxed srcdoc frames: script
 * elements (their text, or `src`), event handler attributes, script URLs,
 * frames that are not `sandbox="allow-scripts"` srcdoc documents, and elements
 * that load or embed other documents. Answers one line per finding.
 */
export function executableParts(html: string): { scripts: string[]; findings: string[] } {
  const scripts: string[] = [];
  const findings: string[] = [];
  for (const tag of startTags(html)) {
    if (tag.name === "script") {
      if (tag.attributes.has("src")) findings.push(`<script src="${tag.attributes.get("src")}">`);
      scripts.push(tag.text);
    }
    for (const [name, value] of tag.attributes) {
      if (name.startsWith("on")) findings.push(`<${tag.name} ${name}="${value}">`);
      const url = value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
      if (URL_ATTRIBUTES.includes(name) && /^(javascript|vbscript):/.test(url)) findings.push(`<${tag.name} ${name}="${value}">`);
      if (URL_ATTRIBUTES.includes(name) && url.startsWith("data:") && !(tag.name === "img" && name === "src" && url.startsWith("data:image/"))) findings.push(`<${tag.name} ${name}="${value.slice(0, 40)}">`);
    }
    if (tag.name === "iframe" && (tag.attributes.get("sandbox") !== "allow-scripts" || tag.attributes.has("src") || !tag.attributes.has("srcdoc"))) findings.push(`<iframe> not a sandboxed srcdoc frame`);
    if (["object", "embed", "frame", "frameset", "base", "form", "link", "portal"].includes(tag.name)) findings.push(`<${tag.name}>`);
    if (tag.name === "meta" && tag.attributes.has("http-equiv") && tag.attributes.get("http-equiv")!.toLowerCase() !== "content-security-policy") findings.push(`<meta http-equiv>`);
  }
  return { scripts, findings };
}
