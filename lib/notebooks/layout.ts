// How a notebook file is laid out (read from the file), and writing JSON values
// the way Python's json.dumps writes them.
import { childKind, isMultiline, outputTypeOf, type Kind } from "./kinds";
import type { JsonNode } from "./json-tree";
import type { NotebookLayout } from "./types";

/** The layout of a notebook file, `root` being its JSON tree. */
export function detectLayout(text: string, root: JsonNode): NotebookLayout {
  const first = root.type === "object" ? root.members[0] : undefined;
  const second = root.type === "object" ? root.members[1] : undefined;
  const opening = first ? text.slice(root.start + 1, first.keyStart) : "\n ";
  const lineBreak = opening.lastIndexOf("\n");
  const forms = countTextForms(root, "notebook");
  const indent = lineBreak >= 0 ? opening.slice(lineBreak + 1) : null;
  return {
    indent,
    newline: opening.includes("\r\n") ? "\r\n" : "\n",
    colon: first ? text.slice(first.keyEnd, first.value.start) : ": ",
    separator: indent === null && first && second ? text.slice(first.value.end, second.keyStart) : ", ",
    sortKeys: keysSorted(root),
    escapeNonAscii: !/[^\0-\x7f]/.test(text.slice(root.start)) && /\\u(?:00[89a-fA-F]|0[1-9a-fA-F]|[1-9a-fA-F])/.test(text),
    splitLines: forms.lists >= forms.strings,
    prefix: text.slice(0, root.start),
    suffix: text.slice(root.end),
  };
}

function keysSorted(node: JsonNode): boolean {
  if (node.type === "array") return node.items.every(keysSorted);
  if (node.type !== "object") return true;
  for (let i = 1; i < node.members.length; i++) if (compareKeys(node.members[i - 1]!.key, node.members[i]!.key) > 0) return false;
  return node.members.every((member) => keysSorted(member.value));
}

/** How the file writes multi-line texts that Jupyter splits: lists of lines, or strings with line breaks. */
function countTextForms(node: JsonNode, kind: Kind, forms = { lists: 0, strings: 0 }) {
  if (kind === "lines") {
    if (node.type === "array") forms.lists++;
    else if (node.type === "string" && /[\n\r]/.test(node.value)) forms.strings++;
    return forms;
  }
  if (isMultiline(kind) || kind === "json") return forms;
  if (node.type === "array") node.items.forEach((item, index) => countTextForms(item, childKind(kind, index, null), forms));
  if (node.type === "object") {
    const parent = { output_type: outputTypeOf(node) };
    for (const member of node.members) countTextForms(member.value, childKind(kind, member.key, parent), forms);
  }
  return forms;
}

/** Python's order of keys (`sort_keys=True`): by code point, not by UTF-16 unit as `<` compares. */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

const ESCAPES: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };
const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
// Python escapes control characters, quotes and backslashes; lone surrogates are escaped too
// (Python would write them raw and then fail to encode the file as UTF-8).
const TO_ESCAPE = /["\\\0-\x1f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const TO_ESCAPE_ASCII = /["\\]|[^ -~]/g;

/** A string as json.dumps writes it (`ensure_ascii` as the layout says). */
export function encodeString(value: string, escapeNonAscii: boolean): string {
  const pattern = escapeNonAscii ? TO_ESCAPE_ASCII : TO_ESCAPE;
  return `"${value.replace(pattern, (c) => ESCAPES[c] ?? unicodeEscape(c))}"`;
}

/** A number as json.dumps writes it: Python's float repr (`1e-05`, not `0.00001`), NaN and Infinity as Python writes them. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (Number.isInteger(value) || Math.abs(value) >= 1e-4) return String(value);
  const [mantissa, exponent] = value.toExponential().split("e") as [string, string];
  const sign = exponent.startsWith("-") ? "-" : "+";
  return `${mantissa}e${sign}${exponent.replace(/^[+-]/, "").padStart(2, "0")}`;
}
