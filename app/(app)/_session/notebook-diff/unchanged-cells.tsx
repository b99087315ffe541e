"use client";

import { useState } from "react";
import type { CellDiff } from "@/lib/notebooks";

/** A run of cells that did not change, folded to "12 unchanged cells"; opens to their sources. */
export function UnchangedCells({ cells }: { cells: CellDiff[] }) {
  const [open, setOpen] = useState(false);
  const count = `${cells.length} unchanged ${cells.length === 1 ? "cell" : "cells"}`;
  return (
    <li className="py-1">
      <button type="button" aria-expanded={open} onClick={() => setOpen((shown) => !shown)} className="px-2 text-left text-slate-500 hover:underline">
        <span aria-hidden className="mr-1">
          {open ? "▾" : "▸"}
        </span>
        {count}
      </button>
      {open && (
        <ul>
          {cells.map((cell) => (
            <li key={cell.afterIndex} aria-label={`Cell ${cell.afterIndex! + 1}: unchanged`} className="py-1">
              <p className="px-2 text-slate-500">
                Cell {cell.afterIndex! + 1} ({cell.after!.cell_type})
              </p>
              <pre className="min-w-max px-2 font-mono leading-5 text-slate-700">{cell.after!.source}</pre>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
