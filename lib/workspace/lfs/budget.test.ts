import { describe, expect, it } from "vitest";
import { chooseEvictions, usageOf } from "./budget";

const object = (oid: string, size: number, usedAt: number, pinned = false) => ({ oid, size, usedAt, pinned });

describe("the offline budget for LFS objects", () => {
  const objects = [object("old", 40, 1), object("pinned", 500, 0, true), object("mid", 30, 2), object("new", 50, 3)];

  it("removes the least recently used first until the unpinned objects fit", () => {
    expect(chooseEvictions(objects, 100)).toEqual(["old"]);
    expect(chooseEvictions(objects, 50)).toEqual(["old", "mid"]);
    expect(chooseEvictions(objects, 120)).toEqual([]);
  });

  it("never removes a pinned object (not pushed yet), nor the one just opened", () => {
    expect(chooseEvictions(objects, 0)).toEqual(["old", "mid", "new"]);
    expect(chooseEvictions(objects, 0, "new")).toEqual(["old", "mid"]);
    expect(chooseEvictions([object("big", 10_000, 5)], 100, "big")).toEqual([]);
  });

  it("counts what is kept and what is pinned", () => {
    expect(usageOf(objects, 100)).toEqual({ used: 620, pinned: 500, budget: 100, objects: 4 });
  });
});
