"use client";

import type { Cell, CellType } from "@/lib/notebooks";
import type { CellActions } from "./cell-actions";

const tool = "rounded px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-200 disabled:opacity-40";

/**
 * The selected cell's tools, with the Jupyter key for each in its title. From `md` up they float on
 * the cell's top edge; on a phone they take a row above the cell, where they hide none of its source.
 */
export function CellToolbar({ cellKey, index, count, cell, actions }: { cellKey: string; index: number; count: number; cell: Cell; actions: CellActions }) {
  const number = index + 1;
  return (
    <div role="toolbar" aria-label={`Cell ${number} tools`} className="z-10 mb-1 ml-auto flex w-fit flex-wrap items-center gap-0.5 rounded border border-slate-200 bg-white px-1 whitespace-nowrap shadow-sm md:absolute md:-top-3 md:right-2 md:mb-0">
      <label className="sr-only" htmlFor={`cell-type-${cellKey}`}>
        Cell type
      </label>
      <select
        id={`cell-type-${cellKey}`}
        value={cell.cell_type}
        title="Cell type (M: Markdown, Y: code)"
        onChange={(event) => actions.edit({ kind: "type", key: cellKey, type: event.target.value as CellType })}
        className="rounded border-0 bg-transparent py-0 pr-6 pl-1 text-xs text-slate-700"
      >
        <option value="code">Code</option>
        <option value="markdown">Markdown</option>
        <option value="raw">Raw</option>
      </select>
      <button type="button" className={tool} title="Move up" aria-label="Move cell up" disabled={index === 0} onClick={() => actions.edit({ kind: "move", key: cellKey, direction: "up" })}>
        ↑
      </button>
      <button type="button" className={tool} title="Move down" aria-label="Move cell down" disabled={index === count - 1} onClick={() => actions.edit({ kind: "move", key: cellKey, direction: "down" })}>
        ↓
      </button>
      <button type="button" className={tool} title="Add a cell above (A)" onClick={() => actions.insert(index, "code")}>
        + Above
      </button>
      <button type="button" className={tool} title="Add a cell below (B)" onClick={() => actions.insert(index + 1, "code")}>
        + Below
      </button>
      {cell.cell_type === "code" && (
        <button type="button" className={tool} title="Clear this cell's outputs" onClick={() => actions.edit({ kind: "clear", key: cellKey })}>
          Clear outputs
        </button>
      )}
      <button type="button" className={`${tool} text-red-700`} title="Delete cell (D D)" aria-label="Delete cell" onClick={() => actions.edit({ kind: "delete", key: cellKey })}>
        Delete
      </button>
    </div>
  );
}
