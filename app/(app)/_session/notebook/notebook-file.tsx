"use client";

import { useState } from "react";
import { parseNotebook } from "@/lib/notebooks";
import { CodeEditor } from "../code-editor";
import { NotebookView, type NotebookHandle } from "./notebook-view";

type Props = {
  ref: React.Ref<NotebookHandle>;
  path: string;
  /** The file's text as the session holds it now, unsaved edits included (read once, when this opens). */
  text: string;
  docKey: string;
  readOnly: boolean;
  onText(text: string): void;
  onPendingChange(pending: boolean): void;
};

/**
 * A .ipynb file in the notebook view, or in the code editor with the reason
 * when it is not a notebook Benchtop can read (not JSON, not nbformat 4). Such a
 * file is only ever written back if the person edits its text.
 */
export function NotebookFile({ ref, path, text, docKey, readOnly, onText, onPendingChange }: Props) {
  const [read] = useState(() => parseNotebook(text));
  if (read.ok) return <NotebookView ref={ref} path={path} parsed={read} readOnly={readOnly} onText={onText} onPendingChange={onPendingChange} />;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <p role="alert" className="border-b border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {path} opens as text because {read.reason}. Benchtop will not rewrite it; fix the text here, save, and choose Open as notebook.
      </p>
      <div className="min-h-0 flex-1">
        <CodeEditor docKey={docKey} path={path} text={text} onChange={onText} readOnly={readOnly} />
      </div>
    </div>
  );
}
