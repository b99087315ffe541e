// Where nbformat keeps multi-line text. On disk such a text may be one string or a
// list of lines; in memory it is one string (nbformat's `rejoin_lines`), and a new
// one is written as Jupyter writes it (`split_lines`: lists for sources, streams
// and textual MIME types, one string for the others, such as base64 images).
import { findMember, type JsonNode } from "./json-tree";

/**
 * What a position in the notebook holds: "lines" and "joined" are multi-line
 * texts ("lines" split into a list by Jupyter when new, "joined" kept as one
 * string); the others say how their children are read.
 */
export type Kind = "notebook" | "cells" | "cell" | "outputs" | "output" | "attachments" | "bundle" | "lines" | "joined" | "json";

const SPLIT_MIMES = new Set(["application/javascript", "image/svg+xml"]);

/** nbformat's `_is_json_mime`: JSON MIME types are left as they are. */
export function isJsonMime(mime: string): boolean {
  return mime === "application/json" || (mime.startsWith("application/") && mime.endsWith("+json"));
}

/** The kind of `parent[key]`, `parent` being of kind `kind` (`parent` is needed for an output's `text`). */
export function childKind(kind: Kind, key: string | number, parent: unknown): Kind {
  switch (kind) {
    case "notebook":
      return key === "cells" ? "cells" : "json";
    case "cells":
      return "cell";
    case "cell":
      return key === "source" ? "lines" : key === "outputs" ? "outputs" : key === "attachments" ? "attachments" : "json";
    case "outputs":
      return "output";
    case "output":
      if (key === "data") return "bundle";
      if (key !== "text") return "json";
      return (parent as { output_type?: unknown } | null)?.output_type === "stream" ? "lines" : "joined";
    case "attachments":
      return "bundle";
    case "bundle": {
      const mime = String(key);
      if (isJsonMime(mime)) return "json";
      return mime.startsWith("text/") || SPLIT_MIMES.has(mime) ? "lines" : "joined";
    }
    default:
      return "json";
  }
}

export function isMultiline(kind: Kind): boolean {
  return kind === "lines" || kind === "joined";
}

/** A list of lines as nbformat joins it: only a list made of strings alone. */
export function isLineList(node: JsonNode): node is JsonNode & { type: "array" } {
  return node.type === "array" && node.items.every((item) => item.type === "string");
}

/** The in-memory value of a node: multi-line texts joined, everything else as read. */
export function toModelValue(node: JsonNode, kind: Kind): unknown {
  if (isMultiline(kind) && isLineList(node)) return node.items.map((item) => (item as { value: string }).value).join("");
  switch (node.type) {
    case "object": {
      const object: Record<string, unknown> = {};
      const parent = kind === "output" ? { output_type: outputTypeOf(node) } : null;
      for (const member of node.members) object[member.key] = toModelValue(member.value, childKind(kind, member.key, parent));
      return object;
    }
    case "array":
      return node.items.map((item, index) => toModelValue(item, childKind(kind, index, null)));
    default:
      return node.value;
  }
}

/** The output_type of an output node, read before its `text` (whose kind depends on it). */
export function outputTypeOf(node: JsonNode | undefined): unknown {
  const member = findMember(node, "output_type");
  return member?.value.type === "string" ? member.value.value : undefined;
}

// Python's str.splitlines() line boundaries: \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029.
const LINE = /[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])?/g;

/** Python's `text.splitlines(True)`: the lines with their ends, [] for "". */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  LINE.lastIndex = 0;
  while (LINE.lastIndex < text.length) {
    const match = LINE.exec(text);
    if (!match) break;
    lines.push(match[0]);
  }
  return lines;
}
