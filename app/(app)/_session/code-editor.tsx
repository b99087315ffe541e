"use client";

import type { EditorView } from "@codemirror/view";
import { useEffect, useRef } from "react";
import { loadLanguage } from "./languages";

type Props = {
  /** Changes whenever the document is replaced (another file, a reload). */
  docKey: string;
  path: string;
  text: string;
  onChange: (text: string) => void;
  /** A viewer's session: the text can be read, selected and copied, not changed. */
  readOnly?: boolean;
};

/** CodeMirror 6, loaded on demand; the editing surface is named "Editor" for assistive technology. */
export function CodeEditor({ docKey, path, text, onChange, readOnly = false }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const latest = useRef({ text, onChange, path });
  useEffect(() => {
    latest.current = { text, onChange, path };
  });

  useEffect(() => {
    let view: EditorView | undefined;
    let cancelled = false;
    void (async () => {
      const [{ EditorState, EditorView, editorExtensions }, language] = await Promise.all([import("./editor-setup"), loadLanguage(latest.current.path)]);
      const host = hostRef.current;
      if (cancelled || !host) return;
      const extensions = editorExtensions({ language, onChange: (next) => latest.current.onChange(next), readOnly });
      view = new EditorView({ parent: host, state: EditorState.create({ doc: latest.current.text, extensions }) });
    })();
    return () => {
      cancelled = true;
      view?.destroy();
    };
  }, [docKey, readOnly]);

  return <div ref={hostRef} className="h-full min-h-0 overflow-hidden" />;
}
