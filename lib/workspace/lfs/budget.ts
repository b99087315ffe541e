import type { LfsObjectInfo } from "./object-store";

/** How much the offline copies of LFS objects take, and what they may take. */
export type LfsUsage = {
  /** Bytes of every object kept (pinned ones included). */
  used: number;
  /** Bytes of objects made here and not pushed yet, which are never removed. */
  pinned: number;
  budget: number;
  objects: number;
};

export function usageOf(objects: readonly LfsObjectInfo[], budget: number): LfsUsage {
  const sum = (list: readonly LfsObjectInfo[]) => list.reduce((total, o) => total + o.size, 0);
  return { used: sum(objects), pinned: sum(objects.filter((o) => o.pinned)), budget, objects: objects.length };
}

/**
 * The objects to remove so that the unpinned ones fit in `budget`: the least
 * recently used first, never a pinned one (its only copy is here), and never
 * `keep` (the object just opened, even when it alone is over the budget).
 */
export function chooseEvictions(objects: readonly LfsObjectInfo[], budget: number, keep?: string): string[] {
  const candidates = objects.filter((o) => !o.pinned).sort((a, b) => a.usedAt - b.usedAt);
  let total = candidates.reduce((sum, o) => sum + o.size, 0);
  const evicted: string[] = [];
  for (const object of candidates) {
    if (total <= budget) break;
    if (object.oid === keep) continue;
    evicted.push(object.oid);
    total -= object.size;
  }
  return evicted;
}
