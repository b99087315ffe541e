"use client";

import { useCallback, useState } from "react";
import type { Output } from "@/lib/notebooks";
import type { Kernel } from "@/lib/workspace/kernel";
// The small module itself, not the kernel's index: the first paint of a notebook does not wait for the kernel's code.
import { appendOutput } from "@/lib/workspace/kernel/outputs";
import type { NotebookDocument, NotebookEdit } from "./notebook-edits";
import type { RunState } from "./cell-actions";

type Options = {
  current(): NotebookDocument;
  edit(change: NotebookEdit): void;
  ensureKernel(): Promise<Kernel>;
  /** After each run: Python may have written files to offer. */
  afterRun(): void;
};

/**
 * Runs code cells in the notebook's kernel. A cell's outputs are replaced as
 * the new ones stream in (the old ones stay when the run never started: an
 * interrupt while it waited, a dead kernel), and the execution count is set
 * when it ends; nothing else of the cell changes.
 */
export function useCellRunner({ current, edit, ensureKernel, afterRun }: Options) {
  const [runStates, setRunStates] = useState<ReadonlyMap<string, RunState>>(new Map());

  const setRunState = useCallback((key: string, state: RunState | null) => {
    setRunStates((states) => {
      const next = new Map(states);
      if (state) next.set(key, state);
      else next.delete(key);
      return next;
    });
  }, []);

  const runCell = useCallback(
    async (key: string) => {
      const { notebook, keys } = current();
      const cell = notebook.cells[keys.indexOf(key)];
      if (cell?.cell_type !== "code") return;
      setRunState(key, "queued");
      try {
        const kernel = await ensureKernel();
        let outputs: Output[] = [];
        const result = await kernel.run(cell.source, {
          onOutput: (output) => {
            if (!outputs.length) setRunState(key, "running");
            outputs = appendOutput(outputs as never, output) as Output[];
            edit({ kind: "outputs", key, outputs, executionCount: null });
          },
        });
        if (result.status !== "aborted") edit({ kind: "outputs", key, outputs: result.outputs as Output[], executionCount: result.executionCount });
      } finally {
        setRunState(key, null);
        afterRun();
      }
    },
    [current, edit, ensureKernel, afterRun, setRunState],
  );

  const runAll = useCallback(() => {
    const { notebook, keys } = current();
    // Queued at once: the kernel runs them in order, and Interrupt drops the ones still waiting.
    return Promise.all(keys.filter((_, index) => notebook.cells[index]?.cell_type === "code").map((key) => runCell(key)));
  }, [current, runCell]);

  return { runStates, runCell, runAll };
}
