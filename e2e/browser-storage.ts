// What a browser keeps for Benchtop's origin, as text, for specs that check a
// secret never reaches it (provider tokens, OAuth client secrets).
import type { Page } from "@playwright/test";

/**
 * Everything this origin keeps in the browser, as text: cookies,
 * localStorage, sessionStorage and every IndexedDB record (bytes decoded as
 * latin1, so a token stored in a file would show). Cookies come from the
 * context, so httpOnly ones are included.
 */
export async function browserStorageDump(page: Page): Promise<string> {
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("\n");
  const stored = await page.evaluate(async () => {
    const parts: string[] = [document.cookie, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    const text = (value: unknown): string => {
      if (value instanceof ArrayBuffer) return new TextDecoder("latin1").decode(new Uint8Array(value));
      if (ArrayBuffer.isView(value)) return new TextDecoder("latin1").decode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      if (value instanceof Blob) return "[blob]";
      if (Array.isArray(value)) return value.map(text).join("\n");
      if (value && typeof value === "object") return Object.entries(value).map(([k, v]) => `${k}=${text(v)}`).join("\n");
      return String(value);
    };
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      parts.push(`db ${name}: ${[...db.objectStoreNames].join(",")}`);
      for (const store of db.objectStoreNames) {
        const [keys, values] = await new Promise<[IDBValidKey[], unknown[]]>((resolve, reject) => {
          const tx = db.transaction(store, "readonly");
          const keysRequest = tx.objectStore(store).getAllKeys();
          const valuesRequest = tx.objectStore(store).getAll();
          tx.oncomplete = () => resolve([keysRequest.result, valuesRequest.result]);
          tx.onerror = () => reject(tx.error);
        });
        parts.push(...keys.map((key) => String(key)), ...values.map(text));
      }
      db.close();
    }
    return parts.join("\n");
  });
  return `${cookies}\n${stored}`;
}
