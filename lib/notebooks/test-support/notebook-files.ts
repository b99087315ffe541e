// Reading the committed fixtures and locating a cell's lines in a notebook file.
import fs from "node:fs";
import path from "node:path";
import { findMember, type JsonNode } from "../json-tree";
import { parseNotebook, type ParsedNotebook } from "../parse-notebook";

export const FIXTURES = path.join(__dirname, "..", "__fixtures__");

/** A committed fixture, byte for byte (no line-end conversion). */
export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), "utf8");
}

export function parseOrThrow(text: string): ParsedNotebook {
  const parsed = parseNotebook(text);
  if (!parsed.ok) throw new Error(`not a notebook: ${parsed.reason}`);
  return parsed;
}

/** The lines (from 1) that a node covers in its text. */
export function lineSpan(text: string, node: { start: number; end: number }): { first: number; last: number } {
  const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
  return { first: lineOf(node.start), last: lineOf(node.end) };
}

/** The node of cell `index` in a notebook text, or of one of its fields. */
export function cellNode(text: string, index: number, field?: string): JsonNode {
  const { tree } = parseOrThrow(text);
  const cell = findMember(tree, "cells")?.value;
  const node = cell?.type === "array" ? cell.items[index] : undefined;
  const target = field ? findMember(node, field)?.value : node;
  if (!target) throw new Error(`cell ${index} has no ${field ?? "node"}`);
  return target;
}
