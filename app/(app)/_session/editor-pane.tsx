"use client";

import { useCallback, useEffect, useImperativeHandle, useRef, useState } from "react";
import { isNotebookPath } from "@/lib/notebooks";
import { BinaryFile } from "./binary-file";
import { CodeEditor } from "./code-editor";
import { buttonClass } from "./dialog-style";
import { NotebookFile } from "./notebook/notebook-file";
import { ProgressBar } from "./progress-bar";
import type { NotebookHandle } from "./notebook/notebook-view";
import { useSession } from "./session-context";
import { useNotebookAutosave } from "./use-notebook-autosave";
import { useOpenFile } from "./use-open-file";

export type EditorHandle = { flush: () => Promise<boolean> };

/** The open file: its editor (or download), the unsaved marker, saving and save conflicts. */
export function EditorPane({ ref, onDirtyChange }: { ref: React.Ref<EditorHandle>; onDirtyChange: (dirty: boolean) => void }) {
  const { api, openPath, revision, canPush, announce, defaultEditor } = useSession();
  const file = useOpenFile({ api, path: openPath, revision, announce });
  const notebookRef = useRef<NotebookHandle>(null);
  const [notebookPending, setNotebookPending] = useState(false);
  // Files switched by "Open as text" / "Open as notebook", against the project's default editor.
  const [switched, setSwitched] = useState<ReadonlySet<string>>(new Set());
  const { save: saveText, onChange } = file;
  // A notebook's pending cell edits become the file's text first, so a save never misses the last keystrokes.
  const save = useCallback(
    (options?: { force?: boolean }) => {
      notebookRef.current?.flush();
      return saveText(options);
    },
    [saveText],
  );
  const onNotebookText = useNotebookAutosave({ onChange, save });
  const dirty = file.dirty || notebookPending;

  useImperativeHandle(ref, () => ({ flush: () => save() }), [save]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [save]);

  if (!openPath) {
    return <div className="flex h-full items-center justify-center p-6 text-sm text-slate-500">Choose a file in the tree to open it.</div>;
  }
  const content = file.content?.path === openPath ? file.content : null;
  const editable = content && !content.binary && !content.tooLarge;
  const readOnly = !canPush;
  const isNotebook = isNotebookPath(openPath);
  const asNotebook = isNotebook && (defaultEditor === "notebook") !== switched.has(openPath);
  const switchView = () => {
    notebookRef.current?.flush();
    setNotebookPending(false);
    setSwitched((paths) => {
      const next = new Set(paths);
      if (!next.delete(openPath)) next.add(openPath);
      return next;
    });
  };

  return (
    <section aria-label="Open file" className="flex h-full min-h-0 flex-col">
      <div className="flex items-center gap-3 border-b border-slate-200 bg-white px-3 py-1.5">
        <h2 className="min-w-0 truncate font-mono text-sm text-slate-800" title={openPath}>
          {openPath}
        </h2>
        {content?.lfs && (
          <span className="shrink-0 rounded bg-indigo-50 px-1.5 text-xs font-medium text-indigo-800" title="Git keeps a pointer; the content is in large-file storage (Git LFS).">
            Large file (Git LFS)
          </span>
        )}
        {dirty && (
          <span className="shrink-0 text-xs font-medium text-amber-700">
            <span aria-hidden>● </span>Unsaved
          </span>
        )}
        {file.saving && <span className="shrink-0 text-xs text-slate-500">Saving…</span>}
        {readOnly && <span className="ml-auto shrink-0 rounded bg-slate-100 px-1.5 text-xs font-medium text-slate-600">Read-only</span>}
        {editable && isNotebook && (
          <button type="button" onClick={switchView} className={`shrink-0 !py-0.5 ${readOnly ? "" : "ml-auto"} ${buttonClass.plain}`}>
            {asNotebook ? "Open as text" : "Open as notebook"}
          </button>
        )}
        {editable && !readOnly && (
          <button type="button" onClick={() => void save()} disabled={!dirty || file.saving} title="Ctrl+S / ⌘S" className={`shrink-0 !py-0.5 ${isNotebook ? "" : "ml-auto"} ${buttonClass.plain}`}>
            Save
          </button>
        )}
      </div>
      {file.conflict && (
        <div role="alert" className="flex flex-wrap items-center gap-2 border-b border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="min-w-0 flex-1">This file was saved in another tab since you opened it. Your text is kept.</p>
          <button type="button" className={buttonClass.danger} onClick={() => void save({ force: true })}>
            Overwrite
          </button>
          <button type="button" className={buttonClass.plain} onClick={() => void file.reload()}>
            Reload
          </button>
        </div>
      )}
      <div className="min-h-0 flex-1 bg-white">
        {file.error ? (
          <p className="p-6 text-sm text-red-800">{file.error}</p>
        ) : !content && file.progress ? (
          <div className="max-w-md p-6 text-sm text-slate-600">
            <p>Downloading {openPath} from large-file storage (Git LFS)…</p>
            <ProgressBar label={`Downloading ${openPath}`} progress={file.progress} className="mt-2" />
          </div>
        ) : !content ? (
          <p className="p-6 text-sm text-slate-500">Opening {openPath}…</p>
        ) : editable && asNotebook ? (
          <NotebookFile
            key={`${openPath}:${file.docKey}`}
            ref={notebookRef}
            path={openPath}
            text={file.editorText()}
            docKey={`${openPath}:${file.docKey}`}
            readOnly={readOnly}
            onText={onNotebookText}
            onPendingChange={setNotebookPending}
          />
        ) : editable ? (
          <CodeEditor docKey={`${openPath}:${file.docKey}:text`} path={openPath} text={file.editorText()} onChange={file.onChange} readOnly={readOnly} />
        ) : (
          <BinaryFile file={content} />
        )}
      </div>
    </section>
  );
}
