"use client";

import type { CellType } from "@/lib/notebooks";
import type { KernelState } from "@/lib/workspace/kernel";

const button = "rounded px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:text-slate-400 disabled:hover:bg-transparent";

const statusWords: Record<KernelState["status"], string> = { starting: "starting…", idle: "idle", busy: "busy", dead: "stopped" };
const statusDot: Record<KernelState["status"] | "none", string> = {
  none: "bg-slate-300",
  starting: "bg-amber-400",
  idle: "bg-emerald-500",
  busy: "bg-indigo-500 animate-pulse",
  dead: "bg-red-500",
};

type Props = {
  kernel: KernelState | null;
  readOnly: boolean;
  onRunAll(): void;
  onInterrupt(): void;
  onRestart(): void;
  onClearAll(): void;
  onInsert(type: CellType): void;
};

/** The notebook's own toolbar: running, the kernel's state, adding cells, clearing outputs. */
export function NotebookToolbar({ kernel, readOnly, onRunAll, onInterrupt, onRestart, onClearAll, onInsert }: Props) {
  const status = kernel?.status ?? "none";
  return (
    <div className="flex flex-wrap items-center gap-1 border-b border-slate-200 bg-white px-2 py-1">
      <div role="toolbar" aria-label="Notebook" className="flex flex-wrap items-center gap-1">
        <button type="button" className={button} disabled={readOnly} onClick={onRunAll} title="Run every code cell, top to bottom">
          ▶▶ Run all
        </button>
        <button type="button" className={button} disabled={status !== "busy"} onClick={onInterrupt} title="Stop the running cell (KeyboardInterrupt)">
          ■ Interrupt
        </button>
        <button type="button" className={button} disabled={readOnly || status === "none"} onClick={onRestart} title="A fresh Python: variables and imports are gone, outputs stay">
          ↻ Restart kernel
        </button>
        <span aria-hidden className="mx-1 h-4 w-px bg-slate-200" />
        <button type="button" className={button} disabled={readOnly} onClick={() => onInsert("code")} title="Add a code cell below the selected one (B)">
          + Code
        </button>
        <button type="button" className={button} disabled={readOnly} onClick={() => onInsert("markdown")} title="Add a Markdown cell below the selected one">
          + Markdown
        </button>
        <button type="button" className={button} disabled={readOnly} onClick={onClearAll}>
          Clear all outputs
        </button>
      </div>
      <p className="ml-auto flex items-center gap-1.5 text-xs text-slate-600" aria-live="polite" title="The notebook's Python kernel">
        <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${statusDot[status]}`} />
        Python: {kernel ? statusWords[kernel.status] : "starts on the first run"}
      </p>
      {kernel?.notice && (
        <p role="alert" className="w-full text-xs text-amber-800">
          {kernel.notice}
        </p>
      )}
    </div>
  );
}
