"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DefaultEditor } from "@/lib/projects/default-editors";
import type { KernelSettings } from "@/lib/workspace/kernel";
import type { Author } from "@/lib/workspace/types";
import { BranchMenu } from "./branch-menu";
import { EditorPane, type EditorHandle } from "./editor-pane";
import type { CredentialHelp } from "@/lib/repositories/credential-help";
import { followCredentialHelp } from "./credential-help";
import { codeOf, describeError } from "./error-text";
import { useReportOpenFailure } from "./failure-reports";
import { FileTree } from "./file-tree";
import { LargeFileStorage } from "./large-file-storage";
import { preloadEditor } from "./languages";
import { OpeningScreen } from "./opening-screen";
import { ResetButton } from "./reset-button";
import { SessionContext, type RunOptions, type Session, type SidePanel as Panel } from "./session-context";
import { SessionHeader } from "./session-header";
import { SidePanel } from "./side-panel";
import { SyncButtons } from "./sync-buttons";
import { useDialogs } from "./use-dialogs";
import { useFullHeight } from "./use-full-height";
import { useLeaveWarning } from "./use-leave-warning";
import { useOfflineCleared } from "./use-offline-cleared";
import { useRecordOpened } from "./use-record-opened";
import { useStatus } from "./use-status";
import { useWorkspace } from "./use-workspace";

type Props = {
  projectId: string;
  name: string;
  role: string;
  remoteUrl: string;
  author: Author;
  canPush: boolean;
  projectHref: string;
  /** The same-origin git gateway's path (e.g. "/proxy"), for registered repositories; made absolute in the browser. */
  corsProxy?: string;
  /** Names the browser storage; defaults to projectId (repositories use `repository-{id}`). */
  volumeId?: string;
  /** Offered when the host refuses the credential (reconnect, or update the token). */
  credentialHelp?: CredentialHelp;
  /** Where to say, once the session has opened, that it did (recorded as `session.opened`). */
  openedUrl: string;
  /** Shown under the header from the first paint, while the copy opens too (a viewer's read-only notice). */
  banner?: React.ReactNode;
  /** Where notebooks' Python kernels load Pyodide and packages from (lib/pyodide's getKernelSettings). */
  kernelSettings: KernelSettings;
  /** How .ipynb files open (the project's setting; the notebook view when there is none). */
  defaultEditor?: DefaultEditor;
};

/** On a phone-sized screen one pane shows at a time; from `md` up all three sit side by side. */
type Pane = "files" | "editor" | "panel";
const paneLabels: { id: Pane; label: string }[] = [
  { id: "files", label: "Files" },
  { id: "editor", label: "Editor" },
  { id: "panel", label: "Changes" },
];

/** A project's session: the repository in this browser, as files | editor | changes and history. */
export function SessionWorkspace({ projectId, name, remoteUrl, author, canPush, projectHref, corsProxy, volumeId, credentialHelp, openedUrl, banner, kernelSettings, defaultEditor = "notebook" }: Props) {
  const { status, announce, reportProgress } = useStatus();
  const workspace = useWorkspace({ projectId, remoteUrl, author, corsProxy, volumeId, announce });
  const { confirm, prompt, element: dialog } = useDialogs();
  const [busy, setBusy] = useState<string | null>(null);
  const [openPath, setOpenPath] = useState<string | null>(null);
  const [editorDirty, setEditorDirty] = useState(false);
  const [sidePanel, setSidePanel] = useState<Panel>("changes");
  const [pane, setPane] = useState<Pane>("files");
  const editorRef = useRef<EditorHandle>(null);
  const { ref: frameRef, top: frameTop } = useFullHeight<HTMLDivElement>();
  const { api, state, changes, revision, refresh, reopen } = workspace;

  const { allowLeave } = useLeaveWarning(editorDirty || (state?.unpushed ?? 0) > 0);

  // Once the copy is open, fetch the editor's code too, so files still open after the network goes.
  const opened = state !== null;
  useEffect(() => {
    if (opened) void preloadEditor();
  }, [opened]);
  useRecordOpened(openedUrl, opened);
  useOfflineCleared(announce);
  useReportOpenFailure(workspace.phase);

  const flushEditor = useCallback(async () => (editorRef.current ? editorRef.current.flush() : true), []);
  const openFile = useCallback(
    async (path: string | null, { save = true }: { save?: boolean } = {}) => {
      if (save && !(await flushEditor())) return false;
      setOpenPath(path);
      if (path === null) setEditorDirty(false);
      else setPane("editor");
      return true;
    },
    [flushEditor],
  );

  // A refused credential: save the editor, then reconnect (or fix the token); commits and changes stay in this browser.
  const followHelp = useCallback(async () => {
    if (!credentialHelp || !(await flushEditor())) return;
    allowLeave();
    await followCredentialHelp(credentialHelp).catch((error: unknown) => announce({ text: describeError(error), tone: "error" }));
  }, [credentialHelp, flushEditor, allowLeave, announce]);
  const credentialLabel = credentialHelp?.label;
  const credentialAction = useMemo(() => (credentialLabel ? { label: credentialLabel, run: () => void followHelp() } : undefined), [credentialLabel, followHelp]);

  const run = useCallback(
    async <T,>(options: RunOptions, work: () => Promise<T>): Promise<T | undefined> => {
      const progress = `${options.busy}…`;
      setBusy(options.busy);
      announce({ text: progress, tone: "progress" });
      try {
        return await work();
      } catch (error) {
        if (!(await options.onError?.(error))) {
          const action = codeOf(error) === "unauthorized" ? credentialAction : undefined;
          const offline = codeOf(error) === "offline" ? { cause: "offline" as const } : {};
          announce({ text: `${options.failure}. ${describeError(error)}`, tone: "error", ...(action ? { action } : {}), ...offline });
        }
        return undefined;
      } finally {
        setBusy(null);
        // Work that ended without a word of its own (e.g. a save conflict already said so) leaves no stale "…".
        announce((prev) => (prev?.tone === "progress" && prev.text === progress && !prev.progress ? null : prev));
      }
    },
    [announce, credentialAction],
  );

  const session = useMemo<Session | null>(
    () =>
      api && state
        ? { api, state, changes, revision, canPush, busy, refresh, reopen, announce, reportProgress, run, confirm, prompt, openPath, openFile, flushEditor, sidePanel, setSidePanel, kernelSettings, defaultEditor }
        : null,
    [api, state, changes, revision, canPush, busy, refresh, reopen, announce, reportProgress, run, confirm, prompt, openPath, openFile, flushEditor, sidePanel, kernelSettings, defaultEditor],
  );
  const ready = workspace.phase.kind === "ready" && api !== null && state !== null;

  return (
    <div ref={frameRef}>
      <div className="fixed inset-x-0 bottom-0 z-10 flex flex-col bg-slate-50" style={{ top: frameTop ?? 49 }}>
        <SessionContext value={session}>
          <SessionHeader
            name={name}
            projectHref={projectHref}
            status={status}
            left={ready && <BranchMenu />}
            right={
              ready && (
                <>
                  <SyncButtons />
                  <ResetButton />
                </>
              )
            }
          />
          {banner}
          {ready ? (
            <>
              <div role="group" aria-label="Session panes" className="flex shrink-0 border-b border-slate-200 bg-white md:hidden">
                {paneLabels.map(({ id, label }) => (
                  <button
                    key={id}
                    type="button"
                    aria-pressed={pane === id}
                    onClick={() => setPane(id)}
                    className={`flex-1 border-b-2 px-2 py-2 text-sm font-medium ${pane === id ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600"}`}
                  >
                    {label}
                    {id === "panel" && changes.length > 0 && <span className="ml-1 rounded-full bg-slate-100 px-1.5 text-xs text-slate-700">{changes.length}</span>}
                  </button>
                ))}
              </div>
              <div className="grid min-h-0 flex-1 grid-cols-1 md:grid-cols-[12rem_minmax(0,1fr)_18rem] lg:grid-cols-[15rem_minmax(0,1fr)_24rem] xl:grid-cols-[17rem_minmax(0,1fr)_26rem]">
                <div className={`${pane === "files" ? "flex" : "hidden"} min-h-0 flex-col border-slate-200 bg-white md:flex md:border-r`}>
                  <div className="min-h-0 flex-1">
                    <FileTree />
                  </div>
                  <LargeFileStorage />
                </div>
                <div className={`${pane === "editor" ? "" : "hidden"} min-h-0 min-w-0 md:block`}>
                  <EditorPane ref={editorRef} onDirtyChange={setEditorDirty} />
                </div>
                <div className={`${pane === "panel" ? "" : "hidden"} min-h-0 border-slate-200 bg-white md:block md:border-l`}>
                  <SidePanel />
                </div>
              </div>
            </>
          ) : (
            <OpeningScreen
              name={name}
              phase={workspace.phase}
              projectHref={projectHref}
              onRetry={() => void (api ? reopen() : window.location.reload())}
              credentialAction={credentialAction}
            />
          )}
        </SessionContext>
      </div>
      {dialog}
    </div>
  );
}
