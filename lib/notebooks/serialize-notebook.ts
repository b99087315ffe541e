import { diffArrays } from "diff";
import { checkNotebook } from "./check-notebook";
import { findMember, type JsonNode } from "./json-tree";
import { childKind, isLineList, isMultiline, splitLines, type Kind } from "./kinds";
import { compareKeys, encodeString, formatNumber } from "./layout";
import { parseNotebook, type ParsedNotebook } from "./parse-notebook";
import { presentKeys } from "./same-json";
import { JUPYTER_LAYOUT, type Notebook, type NotebookLayout } from "./types";

type Writer = { text: string; layout: NotebookLayout };

/**
 * The file text of a notebook, nbformat 4 at the version it has.
 *
 * Without `original` (a new notebook) it is written exactly as Jupyter writes:
 * nbformat's `writes()` (`json.dumps(nb, sort_keys=True, indent=1,
 * ensure_ascii=False)`, multi-line texts split into lists of lines) and the final
 * newline of `write()`.
 *
 * With `original` (the text the notebook was read from, or its parseNotebook
 * result, which saves reading it again) every part of the notebook that did not
 * change is copied from the original text as it was, and what changed is written
 * in the original's layout (its indent, key order, separators, escapes, lists of
 * lines or strings): an unchanged notebook gives back the original text byte for
 * byte; an edited cell changes only that cell's lines; a cell that ran changes
 * only its outputs and execution count. For a file Jupyter wrote, that layout is
 * Jupyter's, so the result is what Jupyter would write.
 *
 * Throws an Error if the notebook is not one Benchtop can write (see parseNotebook's
 * reasons) or if `original` is not a notebook: a file that was not read as a
 * notebook is never rewritten.
 */
export function serializeNotebook(notebook: Notebook, { original }: { original?: string | ParsedNotebook } = {}): string {
  const checked = checkNotebook(notebook);
  if (!checked.ok) throw new Error(`Cannot write this notebook: ${checked.reason}.`);
  if (original === undefined) {
    const writer = { text: "", layout: JUPYTER_LAYOUT };
    return JUPYTER_LAYOUT.prefix + writeValue(writer, notebook, undefined, "notebook", 0) + JUPYTER_LAYOUT.suffix;
  }
  const parsed = typeof original === "string" ? parseNotebook(original) : original;
  if (!parsed.ok) throw new Error(`The original is not a notebook (${parsed.reason}), so it is not rewritten.`);
  const writer = { text: parsed.text, layout: parsed.format.layout };
  if (sameAsNode(notebook, parsed.tree, "notebook")) return parsed.text;
  return writer.layout.prefix + writeValue(writer, notebook, parsed.tree, "notebook", 0) + writer.layout.suffix;
}

/** Whether the in-memory `value` is what `node` holds (multi-line texts compared joined). */
function sameAsNode(value: unknown, node: JsonNode, kind: Kind): boolean {
  if (isMultiline(kind) && typeof value === "string") {
    if (node.type === "string") return node.value === value;
    return isLineList(node) && node.items.map((item) => (item as { value: string }).value).join("") === value;
  }
  if (Array.isArray(value)) {
    return node.type === "array" && node.items.length === value.length && value.every((item, index) => sameAsNode(item, node.items[index]!, childKind(kind, index, null)));
  }
  if (typeof value === "object" && value !== null) {
    if (node.type !== "object") return false;
    const keys = presentKeys(value);
    if (keys.length !== new Set(node.members.map((member) => member.key)).size) return false;
    return keys.every((key) => {
      const member = findMember(node, key);
      return member !== undefined && sameAsNode((value as Record<string, unknown>)[key], member.value, childKind(kind, key, value));
    });
  }
  return (node.type === "number" || node.type === "literal" || node.type === "string") && Object.is(node.value, value);
}

function writeValue(writer: Writer, value: unknown, node: JsonNode | undefined, kind: Kind, depth: number, template?: JsonNode): string {
  if (node && sameAsNode(value, node, kind)) return writer.text.slice(node.start, node.end);
  if (isMultiline(kind) && typeof value === "string") {
    const asList = node ? node.type === "array" : kind === "lines" && writer.layout.splitLines;
    if (!asList) return encodeString(value, writer.layout.escapeNonAscii);
    return writeArray(writer, splitLines(value), node, "json", depth);
  }
  if (Array.isArray(value)) return writeArray(writer, value, node, kind, depth);
  if (typeof value === "object" && value !== null) return writeObject(writer, value as Record<string, unknown>, node?.type === "object" ? node : template, kind, depth);
  if (typeof value === "string") return encodeString(value, writer.layout.escapeNonAscii);
  if (typeof value === "number") return formatNumber(value);
  return String(value);
}

/** An object: the original's keys in their order (or sorted, as the file sorts them), each unchanged value copied. */
function writeObject(writer: Writer, value: Record<string, unknown>, node: JsonNode | undefined, kind: Kind, depth: number): string {
  const keys = presentKeys(value);
  if (writer.layout.sortKeys) keys.sort(compareKeys);
  else if (node?.type === "object") {
    const order = new Map(node.members.map((member, index) => [member.key, index]));
    keys.sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
  }
  const colon = writer.layout.colon;
  const members = keys.map((key) => {
    const member = findMember(node, key);
    const keyText = member ? writer.text.slice(member.keyStart, member.keyEnd) : encodeString(key, writer.layout.escapeNonAscii);
    return keyText + colon + writeValue(writer, value[key], member?.value, childKind(kind, key, value), depth + 1);
  });
  return wrap(writer, "{", members, "}", depth);
}

/**
 * A list: items equal to an original item (in order) are copied; an item in place
 * of a changed one is written against it, so that its unchanged parts are copied.
 */
function writeArray(writer: Writer, values: unknown[], node: JsonNode | undefined, kind: Kind, depth: number): string {
  const itemKind = childKind(kind, 0, null);
  const originals = node?.type === "array" ? pairItems(values, node.items, itemKind) : [];
  // A new object takes its keys' order from an original sibling (files with unsorted keys).
  const template = node?.type === "array" ? node.items.find((item) => item.type === "object") : undefined;
  const items = values.map((value, index) => {
    const original = originals[index];
    if (original?.same) return writer.text.slice(original.node.start, original.node.end);
    return writeValue(writer, value, original?.node, itemKind, depth + 1, template);
  });
  return wrap(writer, "[", items, "]", depth);
}

const MAX_EDITS = 100;

type Pairing = { node: JsonNode; same: boolean } | undefined;

/**
 * The original item each new item stands for: equal items matched in order (the
 * same prefix and suffix first, then a Myers diff of the middle), and in a run
 * where items were replaced, the replaced items one for one.
 */
function pairItems(values: unknown[], items: JsonNode[], kind: Kind): Pairing[] {
  const paired: Pairing[] = new Array(values.length);
  let head = 0;
  while (head < values.length && head < items.length && sameAsNode(values[head], items[head]!, kind)) {
    paired[head] = { node: items[head]!, same: true };
    head++;
  }
  let tail = 0;
  while (tail < values.length - head && tail < items.length - head && sameAsNode(values[values.length - 1 - tail], items[items.length - 1 - tail]!, kind)) {
    paired[values.length - 1 - tail] = { node: items[items.length - 1 - tail]!, same: true };
    tail++;
  }
  const oldMiddle = items.slice(head, items.length - tail).map((_, i) => head + i);
  const newMiddle = values.slice(head, values.length - tail).map((_, i) => head + i);
  const comparator = (oldIndex: number, newIndex: number) => sameAsNode(values[newIndex], items[oldIndex]!, kind);
  // Past this many insertions and deletions (say, every cell's outputs cleared) items are paired by position.
  const changes = diffArrays(oldMiddle, newMiddle, { comparator, maxEditLength: MAX_EDITS }) ?? [
    { value: oldMiddle, count: oldMiddle.length, removed: true, added: false },
    { value: newMiddle, count: newMiddle.length, removed: false, added: true },
  ];
  let [oldIndex, newIndex] = [head, head];
  let removed: JsonNode[] = [];
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (change.removed) {
      removed = items.slice(oldIndex, (oldIndex += count));
      continue;
    }
    for (let i = 0; i < count; i++, newIndex++) {
      const node = change.added ? removed[i] : items[oldIndex++];
      paired[newIndex] = node && { node, same: !change.added };
    }
    removed = [];
  }
  return paired;
}

function wrap(writer: Writer, open: string, items: string[], close: string, depth: number): string {
  if (items.length === 0) return open + close;
  const { indent, newline, separator } = writer.layout;
  if (indent === null) return open + items.join(separator) + close;
  const inner = newline + indent.repeat(depth + 1);
  return open + inner + items.join("," + inner) + newline + indent.repeat(depth) + close;
}
