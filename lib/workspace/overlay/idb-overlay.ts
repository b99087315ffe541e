import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { OverlayEntry, OverlayStore } from "./overlay-store";

interface OverlaySchema extends DBSchema {
  entries: { key: string; value: OverlayEntry };
  meta: { key: string; value: unknown };
}

/**
 * The overlay in IndexedDB, one database per project volume. Each call is its
 * own transaction, so two tabs see each other's saves at once; the worker's
 * project lock orders the git operations that read and rewrite many entries.
 */
export async function openIdbOverlay({ name }: { name: string }): Promise<OverlayStore & { close(): void }> {
  const db: IDBPDatabase<OverlaySchema> = await openDB<OverlaySchema>(name, 1, {
    upgrade(database) {
      database.createObjectStore("entries", { keyPath: "path" });
      database.createObjectStore("meta");
    },
  });
  return {
    get: (path) => db.get("entries", path),
    async put(entry) {
      await db.put("entries", entry);
    },
    async delete(path) {
      await db.delete("entries", path);
    },
    // getAll returns entries in key order, which is path order.
    list: () => db.getAll("entries"),
    async listUnder(prefix) {
      if (prefix === "") return db.getAll("entries");
      const inside = await db.getAll("entries", IDBKeyRange.bound(`${prefix}/`, `${prefix}/\uffff`));
      const self = await db.get("entries", prefix);
      return self ? [self, ...inside] : inside;
    },
    async clear() {
      const tx = db.transaction(["entries", "meta"], "readwrite");
      await Promise.all([tx.objectStore("entries").clear(), tx.objectStore("meta").clear(), tx.done]);
    },
    getMeta: async <T>(key: string) => (await db.get("meta", key)) as T | undefined,
    async setMeta<T>(key: string, value: T | undefined) {
      if (value === undefined) await db.delete("meta", key);
      else await db.put("meta", value, key);
    },
    close: () => db.close(),
  };
}
