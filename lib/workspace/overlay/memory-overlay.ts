import type { OverlayEntry, OverlayStore } from "./overlay-store";

const under = (path: string, prefix: string) => prefix === "" || path === prefix || path.startsWith(prefix + "/");

/** An overlay kept in memory: for tests, and for Node. */
export function createMemoryOverlay(): OverlayStore {
  const entries = new Map<string, OverlayEntry>();
  const meta = new Map<string, unknown>();
  const copy = (e: OverlayEntry): OverlayEntry => ({ ...e, content: e.content ? e.content.slice() : null });
  return {
    async get(path) {
      const e = entries.get(path);
      return e && copy(e);
    },
    async put(entry) {
      entries.set(entry.path, copy(entry));
    },
    async delete(path) {
      entries.delete(path);
    },
    async list() {
      return [...entries.values()].map(copy).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    async listUnder(prefix) {
      return (await this.list()).filter((e) => under(e.path, prefix));
    },
    async clear() {
      entries.clear();
      meta.clear();
    },
    async getMeta<T>(key: string) {
      return meta.get(key) as T | undefined;
    },
    async setMeta<T>(key: string, value: T | undefined) {
      if (value === undefined) meta.delete(key);
      else meta.set(key, value);
    },
  };
}
