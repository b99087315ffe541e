"use client";

import { useCallback, useEffect, useRef, type KeyboardEvent, type RefObject } from "react";
import type { NotebookDocument } from "./notebook-edits";
import type { CellActions } from "./cell-actions";
import { commandFor } from "./notebook-keys";

/**
 * The selected cell, and whether its editor has the keys (edit mode) or the
 * notebook has them (command mode). `reveal`: scroll it into view (keyboard
 * moves do; a click does not, so that the page never moves under the pointer).
 */
export type Selection = { key: string | null; editing: boolean; reveal?: boolean };

type Options = {
  selection: Selection;
  setSelection(selection: Selection): void;
  current(): NotebookDocument;
  actions: CellActions;
  readOnly: boolean;
  scrollRef: RefObject<HTMLElement | null>;
};

/** Whether a key press belongs to something that takes keys itself (a cell's editor, a select, a button). */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest(".cm-editor, input, select, textarea, button, iframe, [role='toolbar']") !== null;
}

/**
 * Jupyter's command mode: with a cell selected and no editor focused, the keys
 * of notebook-keys.ts act on the notebook. The selected cell takes the focus in
 * command mode, so the keys reach the notebook and screen readers follow along.
 */
export function useCommandKeys({ selection, setSelection, current, actions, readOnly, scrollRef }: Options) {
  const pendingD = useRef<number | null>(null);

  useEffect(() => {
    if (!selection.key || selection.editing) return;
    const cell = scrollRef.current?.querySelector<HTMLElement>(`[data-cell-key="${selection.key}"]`);
    if (cell && !cell.contains(globalThis.document.activeElement)) cell.focus({ preventScroll: true });
    if (selection.reveal) cell?.scrollIntoView({ block: "nearest" });
  }, [selection, scrollRef]);

  return useCallback(
    (event: KeyboardEvent) => {
      if (ownsKeys(event.target) || !selection.key) return;
      const { action, pendingD: next } = commandFor(event, pendingD.current, Date.now());
      pendingD.current = next;
      if (!action) return;
      event.preventDefault();
      const { notebook, keys } = current();
      const key = selection.key;
      const index = keys.indexOf(key);
      if (index < 0) return;
      const editable = !readOnly;
      switch (action) {
        case "edit":
          return setSelection({ key, editing: true });
        case "run":
          return actions.run(key, { advance: false });
        case "run-and-advance":
          return actions.run(key, { advance: true });
        case "select-previous":
          return setSelection({ key: keys[Math.max(0, index - 1)]!, editing: false, reveal: true });
        case "select-next":
          return setSelection({ key: keys[Math.min(keys.length - 1, index + 1)]!, editing: false, reveal: true });
      }
      if (!editable) return;
      switch (action) {
        case "insert-above":
          return actions.insert(index, "code");
        case "insert-below":
          return actions.insert(index + 1, "code");
        case "to-markdown":
          return actions.edit({ kind: "type", key, type: "markdown" });
        case "to-code":
          return actions.edit({ kind: "type", key, type: "code" });
        case "delete": {
          actions.edit({ kind: "delete", key });
          const neighbour = keys[index + 1] ?? keys[index - 1] ?? null;
          setSelection({ key: notebook.cells.length > 1 ? neighbour : null, editing: false, reveal: true });
          return;
        }
      }
    },
    [selection.key, current, actions, readOnly, setSelection],
  );
}
