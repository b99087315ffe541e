import type { CellType } from "@/lib/notebooks";
import type { NotebookEdit } from "./notebook-edits";

/** A code cell waiting in the kernel's queue, or running (its prompt shows [*]). */
export type RunState = "queued" | "running";

/** What a cell can ask of its notebook; one stable object for every cell, so typing in one cell re-renders only that one. */
export type CellActions = {
  select(key: string, options?: { edit?: boolean }): void;
  edit(change: NotebookEdit): void;
  run(key: string, options: { advance: boolean }): void;
  /** Esc in a cell's editor: back to command mode on that cell. */
  leaveEditor(key: string): void;
  insert(index: number, type: CellType): void;
};
