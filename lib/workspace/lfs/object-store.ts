/**
 * Git LFS objects kept in the browser: those downloaded to open a file (a cache,
 * evicted to stay within the budget) and those made here and not pushed yet
 * (`pinned`: the only copy, never evicted). Contents are Blobs, which the
 * browser keeps on disk, so a large object is never held whole in memory.
 */
export type LfsObjectRecord = {
  oid: string;
  size: number;
  blob: Blob;
  /** Made in this session and not yet uploaded: never evicted nor cleared. */
  pinned: boolean;
  /** When it was last stored or opened (ms), for evicting the least recently used first. */
  usedAt: number;
};

export type LfsObjectInfo = Omit<LfsObjectRecord, "blob">;

export interface LfsObjectStore {
  get(oid: string): Promise<LfsObjectRecord | undefined>;
  put(record: LfsObjectRecord): Promise<void>;
  /** Changes an object's pin or last use without writing its content again (a copy of a gigabyte otherwise). */
  update(oid: string, changes: Partial<Pick<LfsObjectInfo, "pinned" | "usedAt">>): Promise<void>;
  delete(oid: string): Promise<void>;
  /** Every object's size, pin and last use, without the contents. */
  list(): Promise<LfsObjectInfo[]>;
  /** The most bytes of unpinned objects kept for offline use. */
  getBudget(): Promise<number>;
  setBudget(bytes: number): Promise<void>;
}

/** What the session keeps for offline use unless the person chooses otherwise. */
export const DEFAULT_LFS_BUDGET = 1024 * 1024 * 1024;

/** LFS objects in memory (Node tests, and a browser without IndexedDB). */
export function createMemoryLfsStore(): LfsObjectStore {
  const records = new Map<string, LfsObjectRecord>();
  let budget = DEFAULT_LFS_BUDGET;
  return {
    get: async (oid) => records.get(oid),
    put: async (record) => void records.set(record.oid, record),
    update: async (oid, changes) => {
      const record = records.get(oid);
      if (record) records.set(oid, { ...record, ...changes });
    },
    delete: async (oid) => void records.delete(oid),
    list: async () => [...records.values()].map(({ blob: _blob, ...info }) => info),
    getBudget: async () => budget,
    setBudget: async (bytes) => void (budget = bytes),
  };
}
