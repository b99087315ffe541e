"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { serializeNotebook, type ParsedNotebook } from "@/lib/notebooks";
import { applyEdit, openDocument, type NotebookDocument, type NotebookEdit } from "./notebook-edits";

/** How long typing may pause before the notebook is written out as text (a 5 MB notebook is not re-serialized per keystroke). */
const WRITE_DELAY_MS = 400;

type Options = {
  parsed: ParsedNotebook;
  /** Receives the notebook's file text after changes (never for an unchanged notebook). */
  onText: (text: string) => void;
};

/**
 * The open notebook as cells, edited in memory and written back as text a
 * moment after the last change (or at once by `flush`, before a save, a commit
 * or "Open as text"). Writing keeps every byte of what did not change
 * (serializeNotebook with the file as it was read).
 */
export function useNotebookDocument({ parsed, onText }: Options) {
  const [document, setDocument] = useState<NotebookDocument>(() => openDocument(parsed.notebook));
  const [pending, setPending] = useState(false);
  const latest = useRef(document);
  const written = useRef(document.notebook);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onTextRef = useRef(onText);
  useEffect(() => {
    onTextRef.current = onText;
  });

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const { notebook } = latest.current;
    if (notebook !== written.current) {
      written.current = notebook;
      onTextRef.current(serializeNotebook(notebook, { original: parsed }));
    }
    setPending(false);
  }, [parsed]);

  const edit = useCallback(
    (change: NotebookEdit) => {
      const next = applyEdit(latest.current, change);
      if (next === latest.current) return;
      latest.current = next;
      setDocument(next);
      setPending(true);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, WRITE_DELAY_MS);
    },
    [flush],
  );

  // Leaving the notebook (another file, Open as text, a closed pane) writes what is pending.
  useEffect(() => () => flush(), [flush]);

  /** The latest cells, for work that outlives a render (a run finishing later). */
  const current = useCallback(() => latest.current, []);
  return { document, edit, flush, pending, current };
}
