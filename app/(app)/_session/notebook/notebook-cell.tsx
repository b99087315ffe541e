"use client";

import type { Extension } from "@codemirror/state";
import { memo, useMemo, useRef, type RefObject } from "react";
import type { Cell } from "@/lib/notebooks";
import { promptText, renderCellMarkdown } from "@/lib/render";
import type { CellActions, RunState } from "./cell-actions";
import { CellOutputs } from "./cell-outputs";
import { CellSourceEditor } from "./cell-source-editor";
import { CellToolbar } from "./cell-toolbar";
import { useSeen } from "./use-seen";

type Props = {
  cellKey: string;
  index: number;
  count: number;
  cell: Cell;
  /** Highlighting for code cells (null until the language mode has loaded). */
  language: Extension | null;
  selected: boolean;
  editing: boolean;
  runState: RunState | undefined;
  readOnly: boolean;
  scrollRoot: RefObject<HTMLElement | null>;
  resolveImage: (path: string) => string | null;
  imagesVersion: number;
  actions: CellActions;
};

const PLAIN_LINES = 40;

/**
 * Buttons, the type menu and editors select their cell themselves (running,
 * focusing). Selecting on their mousedown would re-render the cell between the
 * press and the release, and a quick click could then miss its button.
 */
const takesPointer = (target: EventTarget) => target instanceof Element && target.closest("button, select, .cm-editor") !== null;
/** No highlighting (Markdown and raw cells, or before the mode loads): one value, so editors are not rebuilt on each render. */
const NO_LANGUAGE: Extension = [];

/** One cell as a region named "Cell N": its prompt and run button, its source (or rendered Markdown), its tools when selected, its outputs. */
export const NotebookCell = memo(function NotebookCell(props: Props) {
  const { cellKey, index, cell, selected, editing, runState, readOnly, actions, scrollRoot } = props;
  const ref = useRef<HTMLElement>(null);
  const seen = useSeen(ref, scrollRoot, selected);
  const number = index + 1;
  const mode = selected ? (editing ? "border-l-emerald-500 bg-emerald-50/30" : "border-l-indigo-500 bg-indigo-50/30") : "border-l-transparent";

  return (
    <section
      ref={ref}
      aria-label={`Cell ${number}`}
      data-cell-key={cellKey}
      tabIndex={-1}
      aria-current={selected ? "true" : undefined}
      aria-busy={runState ? true : undefined}
      onMouseDown={(event) => !selected && !takesPointer(event.target) && actions.select(cellKey)}
      className={`nb-cell relative border-l-4 py-1.5 pr-3 pl-1 outline-none ${mode}`}
    >
      {selected && !readOnly && <CellToolbar cellKey={cellKey} index={index} count={props.count} cell={cell} actions={actions} />}
      {seen ? <CellBody {...props} /> : <PlainCell cell={cell} />}
    </section>
  );
});

function CellBody({ cellKey, index, cell, language, selected, editing, runState, readOnly, resolveImage, imagesVersion, actions }: Props) {
  const number = index + 1;
  const events = useMemo(
    () => ({
      onChange: (source: string) => actions.edit({ kind: "source", key: cellKey, source }),
      onRun: () => actions.run(cellKey, { advance: false }),
      onRunAndAdvance: () => actions.run(cellKey, { advance: true }),
      onEscape: () => actions.leaveEditor(cellKey),
      onFocus: () => actions.select(cellKey, { edit: true }),
    }),
    [actions, cellKey],
  );
  const editor = (highlighting: Extension | null) => (
    <CellSourceEditor source={cell.source} language={highlighting ?? NO_LANGUAGE} label={`Source of cell ${number}`} readOnly={readOnly} focused={selected && editing} events={events} />
  );

  if (cell.cell_type === "markdown") {
    return (
      <div className="nb-input">
        <div className="nb-prompt" />
        {editing && !readOnly ? editor(null) : <RenderedMarkdown cell={cell} resolveImage={resolveImage} imagesVersion={imagesVersion} onEdit={() => !readOnly && actions.select(cellKey, { edit: true })} />}
      </div>
    );
  }
  const prompt = cell.cell_type === "code" ? (runState ? "[*]:" : promptText("In", cell.execution_count)) : "";
  return (
    <>
      <div className="nb-input">
        <div className="flex flex-col items-end gap-1">
          <span className="nb-prompt text-indigo-700">{prompt}</span>
          {cell.cell_type === "code" && (
            <button
              type="button"
              aria-label="Run cell"
              title="Run cell (Shift+Enter)"
              disabled={readOnly}
              onClick={() => actions.run(cellKey, { advance: false })}
              className="rounded px-1.5 text-xs text-slate-600 hover:bg-slate-200 hover:text-slate-900 disabled:opacity-40"
            >
              ▶
            </button>
          )}
        </div>
        {editor(cell.cell_type === "code" ? language : null)}
      </div>
      {cell.cell_type === "code" && <CellOutputs outputs={cell.outputs} resolveImage={resolveImage} imagesVersion={imagesVersion} />}
    </>
  );
}

function RenderedMarkdown({ cell, resolveImage, imagesVersion, onEdit }: { cell: Cell; resolveImage: (path: string) => string | null; imagesVersion: number; onEdit: () => void }) {
  const attachments = "attachments" in cell ? cell.attachments : undefined;
  const html = useMemo(
    () => renderCellMarkdown(cell.source, { attachments: attachments as never, resolveImage }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- imagesVersion: render again when a named image has arrived.
    [cell.source, attachments, resolveImage, imagesVersion],
  );
  if (!cell.source.trim()) {
    return (
      <p onDoubleClick={onEdit} className="px-2 py-1 text-sm text-slate-500 italic">
        Empty Markdown cell: double-click or press Enter to write in it.
      </p>
    );
  }
  return <div onDoubleClick={onEdit} className="markdown-body min-w-0 px-2 py-1 text-sm" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A cell not yet near the screen: its text as plain lines, so the page has its height, its words and its region. */
function PlainCell({ cell }: { cell: Cell }) {
  const lines = cell.source.split("\n");
  const shown = lines.slice(0, PLAIN_LINES).join("\n") + (lines.length > PLAIN_LINES ? "\n…" : "");
  const outputs = cell.cell_type === "code" ? cell.outputs.length : 0;
  return (
    <div className="nb-input">
      <div className="nb-prompt">{cell.cell_type === "code" ? promptText("In", cell.execution_count) : ""}</div>
      <div>
        <pre className="overflow-hidden px-[6px] py-[6px] font-mono text-[13px] leading-[1.45] whitespace-pre-wrap text-slate-700">{shown || " "}</pre>
        {outputs > 0 && <p className="h-24 px-2 text-xs text-slate-400">{outputs === 1 ? "1 output" : `${outputs} outputs`}</p>}
      </div>
    </div>
  );
}
