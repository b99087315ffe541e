import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { openIdbOverlay } from "./idb-overlay";

const entry = (path: string, text: string | null) => ({
  path,
  content: text === null ? null : new TextEncoder().encode(text),
  baseOid: null,
  mode: "100644",
  version: 1,
  updatedAt: 0,
});

describe("IndexedDB overlay", () => {
  it("keeps entries by path, lists them in order and by folder", async () => {
    const overlay = await openIdbOverlay({ name: "test-overlay-1" });
    await overlay.put(entry("src/b.py", "b"));
    await overlay.put(entry("src/a.py", "a"));
    await overlay.put(entry("src-other/x", "x"));
    await overlay.put(entry("src", null));
    await overlay.put(entry("README.md", null));
    expect((await overlay.list()).map((e) => e.path)).toEqual(["README.md", "src", "src-other/x", "src/a.py", "src/b.py"]);
    expect((await overlay.listUnder("src")).map((e) => e.path)).toEqual(["src", "src/a.py", "src/b.py"]);
    expect(new TextDecoder().decode((await overlay.get("src/a.py"))!.content!)).toBe("a");
    await overlay.delete("src/a.py");
    expect(await overlay.get("src/a.py")).toBeUndefined();
    overlay.close();
  });

  it("survives reopening (a reload) and clears entries and meta together", async () => {
    const first = await openIdbOverlay({ name: "test-overlay-2" });
    await first.put(entry("notes.md", "kept"));
    await first.setMeta("merge", { theirs: "abc" });
    first.close();
    const again = await openIdbOverlay({ name: "test-overlay-2" });
    expect((await again.get("notes.md"))?.path).toBe("notes.md");
    expect(await again.getMeta("merge")).toEqual({ theirs: "abc" });
    await again.clear();
    expect(await again.list()).toEqual([]);
    expect(await again.getMeta("merge")).toBeUndefined();
  });
});
