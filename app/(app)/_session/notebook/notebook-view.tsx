"use client";

import type { Extension } from "@codemirror/state";
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from "react";
import type { CellType, ParsedNotebook } from "@/lib/notebooks";
import { notebookLanguage } from "@/lib/render";
import type { WrittenFile } from "@/lib/workspace/kernel";
import { describeError } from "../error-text";
import { loadLanguageNamed } from "../languages";
import { useSession } from "../session-context";
import type { CellActions } from "./cell-actions";
import { NotebookCell } from "./notebook-cell";
import { newCellKey } from "./notebook-edits";
import { NotebookToolbar } from "./notebook-toolbar";
import { useCellRunner } from "./use-cell-runner";
import { useCommandKeys, type Selection } from "./use-command-keys";
import { useFrameHeights } from "./use-frame-heights";
import { useNotebookDocument } from "./use-notebook-document";
import { useNotebookKernel } from "./use-notebook-kernel";
import { useRepositoryImages } from "./use-repository-images";
import { WrittenFiles } from "./written-files";

export type NotebookHandle = { flush(): void };

type Props = {
  ref: React.Ref<NotebookHandle>;
  path: string;
  parsed: ParsedNotebook;
  readOnly: boolean;
  /** The notebook's file text after each change (to be saved like any file). */
  onText(text: string): void;
  /** True while changes wait to be written as text (the file counts as unsaved). */
  onPendingChange(pending: boolean): void;
};

/**
 * A Jupyter notebook in the session: every cell in order (rendered as it comes
 * into view), edited like Jupyter (command and edit modes, its keys), run in a
 * Python kernel in the browser, and written back as the same file with only
 * what changed changed.
 */
export function NotebookView({ ref, path, parsed, readOnly, onText, onPendingChange }: Props) {
  const { api, kernelSettings, confirm, announce, refresh, revision, changes } = useSession();
  const { document, edit, flush, pending, current } = useNotebookDocument({ parsed, onText });
  const kernel = useNotebookKernel({ api, path, settings: kernelSettings });
  const images = useRepositoryImages(api, path);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<Selection>(() => ({ key: document.keys[0] ?? null, editing: false }));
  const [language, setLanguage] = useState<Extension | null>(null);
  const { refreshWrittenFiles } = kernel;
  const runner = useCellRunner({ current, edit, ensureKernel: kernel.ensure, afterRun: refreshWrittenFiles });

  useImperativeHandle(ref, () => ({ flush }), [flush]);
  useEffect(() => onPendingChange(pending), [pending, onPendingChange]);
  useFrameHeights(scrollRef);

  const languageName = notebookLanguage(document.notebook);
  useEffect(() => {
    let cancelled = false;
    void loadLanguageNamed(languageName).then((extension) => !cancelled && setLanguage(extension));
    return () => {
      cancelled = true;
    };
  }, [languageName]);

  // The session's edits of other files reach a running kernel, so Python reads what the person sees.
  const { refreshFiles } = kernel;
  useEffect(() => {
    void refreshFiles(changes.map((change) => change.path));
  }, [revision, changes, refreshFiles]);

  const { runCell, runAll, runStates } = runner;
  const run = useCallback(
    (key: string) => runCell(key).catch((error: unknown) => announce({ text: `Could not run the cell. ${describeError(error)}`, tone: "error" })),
    [runCell, announce],
  );

  /** A new cell, selected: in command mode (A, B, the buttons), or in its editor (Shift+Enter past the last cell). */
  const insert = useCallback(
    (index: number, type: CellType, { editing = false }: { editing?: boolean } = {}) => {
      const key = newCellKey();
      edit({ kind: "insert", index, type, key });
      setSelection({ key, editing, reveal: true });
    },
    [edit],
  );

  const selectionRef = useRef(selection);
  useEffect(() => {
    selectionRef.current = selection;
  });

  const runAndMaybeAdvance = useCallback(
    (key: string, { advance }: { advance: boolean }) => {
      const { notebook, keys } = current();
      const index = keys.indexOf(key);
      if (index < 0) return;
      if (notebook.cells[index]?.cell_type === "code" && !readOnly) void run(key);
      if (!advance) return setSelection({ key, editing: notebook.cells[index]?.cell_type === "code" && selectionRef.current.key === key && selectionRef.current.editing });
      const next = keys[index + 1];
      if (next) setSelection({ key: next, editing: false, reveal: true });
      else if (!readOnly) insert(index + 1, "code", { editing: true });
    },
    [current, readOnly, run, insert],
  );
  const actions = useMemo<CellActions>(
    () => ({
      select: (key, options) => setSelection({ key, editing: options?.edit ?? false }),
      edit: (change) => !readOnly && edit(change),
      run: runAndMaybeAdvance,
      leaveEditor: (key) => setSelection({ key, editing: false }),
      insert: (index, type) => insert(index, type),
    }),
    [edit, readOnly, runAndMaybeAdvance, insert],
  );

  const onKeyDown = useCommandKeys({ selection, setSelection, current, actions, readOnly, scrollRef });

  const restart = useCallback(async () => {
    const yes = await confirm({
      title: "Restart the kernel?",
      body: "Python starts afresh: variables, imports and files it wrote but you did not save are gone. The notebook and its outputs stay.",
      confirmLabel: "Restart",
    });
    if (yes) await kernel.restart().catch((error: unknown) => announce({ text: `Could not restart the kernel. ${describeError(error)}`, tone: "error" }));
  }, [confirm, kernel, announce]);

  const saveWrittenFile = useCallback(
    async (file: WrittenFile) => {
      try {
        const content = await kernel.readWrittenFile(file.path);
        await api.writeFile({ path: file.path, content });
        kernel.settleWrittenFile(file);
        announce({ text: `Saved ${file.path} into the project. Commit it to keep it.`, tone: "success" });
        await refresh();
      } catch (error) {
        announce({ text: `Could not save ${file.path} into the project. ${describeError(error)}`, tone: "error" });
      }
    },
    [api, kernel, announce, refresh],
  );

  const selectedIndex = selection.key ? document.keys.indexOf(selection.key) : -1;
  const insertBelowSelected = (type: CellType) => insert(selectedIndex < 0 ? document.keys.length : selectedIndex + 1, type);
  const { cells } = document.notebook;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <NotebookToolbar
        kernel={kernel.state}
        readOnly={readOnly}
        onRunAll={() => void runAll().catch((error: unknown) => announce({ text: `Could not run the notebook. ${describeError(error)}`, tone: "error" }))}
        onInterrupt={() => void kernel.interrupt()}
        onRestart={() => void restart()}
        onClearAll={() => edit({ kind: "clear-all" })}
        onInsert={insertBelowSelected}
      />
      <WrittenFiles files={kernel.writtenFiles.filter((file) => file.path !== path)} readOnly={readOnly} onSave={(file) => void saveWrittenFile(file)} onDismiss={kernel.settleWrittenFile} />
      <div ref={scrollRef} onKeyDown={onKeyDown} className="min-h-0 flex-1 overflow-y-auto bg-white py-3">
        {cells.length === 0 && <p className="px-6 text-sm text-slate-500">This notebook has no cells yet. Add one with + Code or + Markdown.</p>}
        {cells.map((cell, index) => {
          const key = document.keys[index]!;
          return (
            <NotebookCell
              key={key}
              cellKey={key}
              index={index}
              count={cells.length}
              cell={cell}
              language={language}
              selected={selection.key === key}
              editing={selection.key === key && selection.editing}
              runState={runStates.get(key)}
              readOnly={readOnly}
              scrollRoot={scrollRef}
              resolveImage={images.resolveImage}
              imagesVersion={images.version}
              actions={actions}
            />
          );
        })}
      </div>
    </div>
  );
}
