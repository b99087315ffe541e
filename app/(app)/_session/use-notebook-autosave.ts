"use client";

import { useCallback, useEffect, useRef } from "react";

/** How long after a notebook's last change it is saved into the session's copy. */
const AUTOSAVE_DELAY_MS = 1_000;

/**
 * A notebook saves itself, as Jupyter does: a second after its last change the
 * text goes into the session's copy (IndexedDB), where it survives a reload, a
 * closed tab and going offline, and shows in Changes. The code editor keeps its
 * explicit Save; a notebook's edits (outputs arriving, cells moved) are not
 * typing a person expects to confirm.
 */
export function useNotebookAutosave({ onChange, save }: { onChange: (text: string) => void; save: () => Promise<boolean> }) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return useCallback(
    (text: string) => {
      onChange(text);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveRef.current(), AUTOSAVE_DELAY_MS);
    },
    [onChange],
  );
}
