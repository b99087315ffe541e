import { openDB, type DBSchema } from "idb";
import { DEFAULT_LFS_BUDGET, type LfsObjectInfo, type LfsObjectRecord, type LfsObjectStore } from "./object-store";

interface LfsSchema extends DBSchema {
  /** Sizes, pins and last use: listed without touching the contents. */
  objects: { key: string; value: LfsObjectInfo };
  contents: { key: string; value: Blob };
  meta: { key: string; value: unknown };
}

const BUDGET_KEY = "budget";

/**
 * LFS objects in IndexedDB, one database per volume. Chromium stores Blob
 * values as files beside the database, so an object of any size costs the page
 * no memory until it is read.
 */
export async function openIdbLfsStore({ name }: { name: string }): Promise<LfsObjectStore & { close(): void }> {
  const db = await openDB<LfsSchema>(name, 1, {
    upgrade(database) {
      database.createObjectStore("objects", { keyPath: "oid" });
      database.createObjectStore("contents");
      database.createObjectStore("meta");
    },
  });
  return {
    async get(oid) {
      const tx = db.transaction(["objects", "contents"]);
      const [info, blob] = await Promise.all([tx.objectStore("objects").get(oid), tx.objectStore("contents").get(oid), tx.done]);
      return info && blob ? { ...info, blob } : undefined;
    },
    async put({ blob, ...info }: LfsObjectRecord) {
      const tx = db.transaction(["objects", "contents"], "readwrite");
      await Promise.all([tx.objectStore("contents").put(blob, info.oid), tx.objectStore("objects").put(info), tx.done]);
    },
    async update(oid, changes) {
      const tx = db.transaction("objects", "readwrite");
      const info = await tx.store.get(oid);
      if (info) await tx.store.put({ ...info, ...changes });
      await tx.done;
    },
    async delete(oid) {
      const tx = db.transaction(["objects", "contents"], "readwrite");
      await Promise.all([tx.objectStore("contents").delete(oid), tx.objectStore("objects").delete(oid), tx.done]);
    },
    list: () => db.getAll("objects"),
    getBudget: async () => ((await db.get("meta", BUDGET_KEY)) as number | undefined) ?? DEFAULT_LFS_BUDGET,
    async setBudget(bytes) {
      await db.put("meta", bytes, BUDGET_KEY);
    },
    close: () => db.close(),
  };
}
