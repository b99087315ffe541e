"use client";

import type { Extension } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import { useEffect, useRef, useState } from "react";
import type { CellEditorEvents } from "./cell-editor-setup";

type Props = {
  source: string;
  /** The highlighting (already loaded: every cell of a notebook shares it). */
  language: Extension;
  /** The editing surface's accessible name ("Source of cell 3"). */
  label: string;
  readOnly: boolean;
  /** Put the cursor in the editor when it appears or when this turns true. */
  focused: boolean;
  events: CellEditorEvents;
};

/**
 * One cell's source in CodeMirror. The document is created once and then owned
 * by the editor: later `source` props are only taken in when they differ from
 * what the editor holds (a change made from outside, such as a cell type change
 * that kept the text, never replaces the person's typing).
 */
export function CellSourceEditor({ source, language, label, readOnly, focused, events }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const [ready, setReady] = useState(false);
  const latest = useRef({ source, events, focused });
  useEffect(() => {
    latest.current = { source, events, focused };
  });

  useEffect(() => {
    let cancelled = false;
    void import("./cell-editor-setup").then(({ EditorState, EditorView, cellEditorExtensions }) => {
      const host = hostRef.current;
      if (cancelled || !host) return;
      const forward: CellEditorEvents = {
        onChange: (text) => latest.current.events.onChange(text),
        onRun: () => latest.current.events.onRun(),
        onRunAndAdvance: () => latest.current.events.onRunAndAdvance(),
        onEscape: () => latest.current.events.onEscape(),
        onFocus: () => latest.current.events.onFocus(),
      };
      const state = EditorState.create({ doc: latest.current.source, extensions: cellEditorExtensions({ language, label, readOnly, events: forward }) });
      viewRef.current = new EditorView({ parent: host, state });
      if (latest.current.focused) viewRef.current.focus();
      setReady(true);
    });
    return () => {
      cancelled = true;
      viewRef.current?.destroy();
      viewRef.current = null;
    };
  }, [language, label, readOnly]);

  useEffect(() => {
    const view = viewRef.current;
    if (view && view.state.doc.toString() !== source) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: source } });
  }, [source]);

  useEffect(() => {
    const view = viewRef.current;
    if (focused && view && !view.hasFocus) view.focus();
    if (!focused && view?.hasFocus) view.contentDOM.blur();
  }, [focused]);

  // Until CodeMirror is in (a chunk of its own), the source shows as plain text at the same size.
  return (
    <div className="min-w-0 overflow-hidden rounded border border-slate-200 bg-slate-50">
      {!ready && <pre className="overflow-x-auto px-[6px] py-[6px] font-mono text-[13px] leading-[1.45] text-slate-800">{source || " "}</pre>}
      <div ref={hostRef} />
    </div>
  );
}
