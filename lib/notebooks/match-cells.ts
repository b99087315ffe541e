// Which cell of one version of a notebook is which cell of another: by cell id
// where both have one, then by identical content (in order), then by similar source.
import { diffArrays, diffLines } from "diff";
import type { Cell } from "./types";

/** Pairs [index in `before`, index in `after`], sorted by the first. */
export type CellPairs = [number, number][];

const SIMILAR = 0.5;
// Comparing every unmatched cell with every other costs a line diff each: beyond this, only
// cells between the same matched neighbours are compared.
const MAX_COMPARISONS = 2_500;

export function matchCells(before: Cell[], after: Cell[]): CellPairs {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  const pair = (b: number, a: number) => {
    pairs.set(b, a);
    taken.add(a);
  };
  matchByIds(before, after, pair);
  const restBefore = () => before.map((_, i) => i).filter((i) => !pairs.has(i));
  const restAfter = () => after.map((_, i) => i).filter((i) => !taken.has(i));
  const contentKey = (cell: Cell) => `${cell.cell_type}\0${cell.source}`;
  const [b0, a0] = [restBefore(), restAfter()];
  let [bi, ai] = [0, 0];
  for (const change of diffArrays(b0.map((i) => contentKey(before[i]!)), a0.map((i) => contentKey(after[i]!)))) {
    const count = change.count ?? change.value.length;
    if (change.removed) bi += count;
    else if (change.added) ai += count;
    else for (let k = 0; k < count; k++) pair(b0[bi++]!, a0[ai++]!);
  }
  matchBySimilarity(before, after, restBefore(), restAfter(), pairs, pair);
  matchInPlace(before, after, restBefore(), new Set(restAfter()), pairs, pair);
  return [...pairs.entries()].sort((x, y) => x[0] - y[0]);
}

function matchByIds(before: Cell[], after: Cell[], pair: (b: number, a: number) => void) {
  const unique = (cells: Cell[]) => {
    const seen = new Map<string, number>();
    const repeated = new Set<string>();
    cells.forEach((cell, index) => {
      if (typeof cell.id !== "string") return;
      if (seen.has(cell.id)) repeated.add(cell.id);
      seen.set(cell.id, index);
    });
    for (const id of repeated) seen.delete(id);
    return seen;
  };
  const afterIds = unique(after);
  for (const [id, b] of unique(before)) {
    const a = afterIds.get(id);
    if (a !== undefined) pair(b, a);
  }
}

/** Share of lines two sources have in common (0 to 1). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  let common = 0;
  for (const part of diffLines(a, b)) if (!part.added && !part.removed) common += part.count ?? 0;
  const lines = (text: string) => (text === "" ? 0 : text.replace(/\n$/, "").split("\n").length);
  const total = lines(a) + lines(b);
  return total === 0 ? 1 : (2 * common) / total;
}

/** The range of `after` indices between the partners of a before cell's nearest matched neighbours. */
function windowOf(b: number, beforeLength: number, afterLength: number, pairs: Map<number, number>): [number, number] {
  let low = -1;
  let high = afterLength;
  for (let i = b - 1; i >= 0; i--) {
    const a = pairs.get(i);
    if (a !== undefined) {
      low = a;
      break;
    }
  }
  for (let i = b + 1; i < beforeLength; i++) {
    const a = pairs.get(i);
    if (a !== undefined) {
      high = a;
      break;
    }
  }
  return [low, high];
}

function matchBySimilarity(before: Cell[], after: Cell[], restBefore: number[], restAfter: number[], pairs: Map<number, number>, pair: (b: number, a: number) => void) {
  if (restBefore.length === 0 || restAfter.length === 0) return;
  const everywhere = restBefore.length * restAfter.length <= MAX_COMPARISONS;
  const candidates: { b: number; a: number; score: number }[] = [];
  for (const b of restBefore) {
    const [low, high] = windowOf(b, before.length, after.length, pairs);
    for (const a of restAfter) {
      if (!everywhere && (a <= low || a >= high)) continue;
      const score = similarity(before[b]!.source, after[a]!.source);
      if (score >= SIMILAR) candidates.push({ b, a, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score || Math.abs(x.b - x.a) - Math.abs(y.b - y.a));
  const used = new Set<number>();
  for (const { b, a } of candidates) {
    if (pairs.has(b) || used.has(a)) continue;
    used.add(a);
    pair(b, a);
  }
}

/** Cells of one type left between the same matched neighbours are the same cell rewritten. */
function matchInPlace(before: Cell[], after: Cell[], restBefore: number[], restAfter: Set<number>, pairs: Map<number, number>, pair: (b: number, a: number) => void) {
  for (const b of restBefore) {
    const [low, high] = windowOf(b, before.length, after.length, pairs);
    for (let a = low + 1; a < high; a++) {
      if (!restAfter.has(a)) continue;
      if (after[a]!.cell_type === before[b]!.cell_type) {
        restAfter.delete(a);
        pair(b, a);
      }
      break;
    }
  }
}
