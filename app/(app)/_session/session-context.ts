"use client";

import type { Remote } from "comlink";
import { createContext, useContext } from "react";
import type { WorkspaceApi } from "@/lib/workspace/api";
import type { DefaultEditor } from "@/lib/projects/default-editors";
import type { KernelSettings } from "@/lib/workspace/kernel";
import type { Change, Progress, WorkspaceState } from "@/lib/workspace/types";
import type { ConfirmOptions, PromptOptions } from "./dialog-options";
import type { StatusMessage } from "./use-status";

export type RunOptions = {
  /** What the status region says while the operation runs ("Pushing"). */
  busy: string;
  /** How a failure starts ("Could not push"); the error's own words follow. */
  failure: string;
  /** Handles a failure itself; returns true when it did. */
  onError?: (error: unknown) => boolean | Promise<boolean>;
};

export type SidePanel = "changes" | "history";

/** Everything the panes of an open session share. */
export type Session = {
  api: Remote<WorkspaceApi>;
  state: WorkspaceState;
  changes: Change[];
  /** Increases after every refresh; panes re-read what they show when it changes. */
  revision: number;
  canPush: boolean;
  /** The foreground operation under way, if any. */
  busy: string | null;
  refresh(): Promise<void>;
  reopen(): Promise<void>;
  announce(message: StatusMessage | null): void;
  reportProgress(label: string, progress: Progress): void;
  run<T>(options: RunOptions, work: () => Promise<T>): Promise<T | undefined>;
  confirm(options: ConfirmOptions): Promise<boolean>;
  prompt(options: PromptOptions): Promise<string | null>;
  openPath: string | null;
  /** Saves the editor's text (unless `save` is false), then opens `path` or closes the editor; false when the save failed. */
  openFile(path: string | null, options?: { save?: boolean }): Promise<boolean>;
  /** Saves the editor's text; false when it could not (a conflict or an error, already reported). */
  flushEditor(): Promise<boolean>;
  sidePanel: SidePanel;
  setSidePanel(panel: SidePanel): void;
  /** Where notebooks' kernels get Pyodide and packages (startKernel from lib/workspace/kernel, imported when a notebook opens). */
  kernelSettings: KernelSettings;
  /** How .ipynb files open: the notebook view, or the code editor (the project's "Default editor"). */
  defaultEditor: DefaultEditor;
};

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession must be used inside an open session");
  return session;
}
