import type { Notebook } from "./types";

/** nbformat 4.5's cell id: 1 to 64 letters, digits, "-" or "_". */
export const CELL_ID = /^[a-zA-Z0-9-_]{1,64}$/;

/** Cells have ids from nbformat 4.5 on; 4.0 to 4.4 forbid them. */
export function hasCellIds(notebook: Pick<Notebook, "nbformat_minor">): boolean {
  return notebook.nbformat_minor >= 5;
}

/** A new cell id as nbformat makes one (`uuid4().hex[:8]`), not among `taken`. */
export function newCellId(taken: Iterable<string | undefined>): string {
  const used = new Set(taken);
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(4));
    const id = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
    if (!used.has(id)) return id;
  }
}
