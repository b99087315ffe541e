"use client";

import type { Remote } from "comlink";
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkspaceApi } from "@/lib/workspace/api";
import type { Author, Change, Progress, WorkspaceState } from "@/lib/workspace/types";
import { codeOf, describeError } from "./error-text";
import { progressOptions } from "./progress-options";
import type { StatusMessage } from "./use-status";

export type OpenPhase = { kind: "starting" } | { kind: "cloning"; progress: Progress } | { kind: "ready" } | { kind: "failed"; message: string; code?: string };

declare global {
  interface Window {
    __benchtopSession?: { api: Remote<WorkspaceApi> };
  }
}

export const BEHIND_MESSAGE = "The remote has new commits — Pull to get them";
const CHECKING_MESSAGE = "Checking the remote for new commits…";

type Options = {
  projectId: string;
  remoteUrl: string;
  author: Author;
  /** The git gateway's path or URL ("/proxy"); resolved against this page's origin. */
  corsProxy?: string;
  volumeId?: string;
  announce: (message: StatusMessage | null | ((prev: StatusMessage | null) => StatusMessage | null)) => void;
};

/**
 * Starts the session's git worker, opens (or clones) the local copy, then
 * fetches in the background. Keeps the state and changes current, also when
 * another tab changes the workspace.
 */
export function useWorkspace({ projectId, remoteUrl, author, corsProxy, volumeId, announce }: Options) {
  const [api, setApi] = useState<Remote<WorkspaceApi> | null>(null);
  const [phase, setPhase] = useState<OpenPhase>({ kind: "starting" });
  const [state, setState] = useState<WorkspaceState | null>(null);
  const [changes, setChanges] = useState<Change[]>([]);
  const [revision, setRevision] = useState(0);
  const apiRef = useRef<Remote<WorkspaceApi> | null>(null);

  const refresh = useCallback(async () => {
    const current = apiRef.current;
    if (!current) return;
    try {
      const [nextState, nextChanges] = await Promise.all([current.getState(), current.getStatus()]);
      setState(nextState);
      setChanges(nextChanges);
      setRevision((r) => r + 1);
    } catch (error) {
      announce({ text: `Could not read the workspace: ${describeError(error)}`, tone: "error" });
    }
  }, [announce]);

  const fetchInBackground = useCallback(
    async (current: Remote<WorkspaceApi>) => {
      announce((prev) => prev ?? { text: CHECKING_MESSAGE, tone: "progress" });
      try {
        const next = await current.fetchRemote({});
        setState(next);
        if (next.behind) announce({ text: BEHIND_MESSAGE, tone: "info" });
        else announce((prev) => (prev?.text === CHECKING_MESSAGE ? { text: `Up to date with the remote ${next.branch}`, tone: "info" } : prev));
      } catch (error) {
        announce({ text: `Could not check the remote for new commits. ${describeError(error)}`, tone: "error" });
      }
    },
    [announce],
  );

  const openWith = useCallback(
    async (current: Remote<WorkspaceApi>) => {
      setPhase({ kind: "starting" });
      let cloning = false;
      let opened = false;
      try {
        const next = await current.open(
          progressOptions((progress) => {
            cloning = true;
            if (!opened) setPhase({ kind: "cloning", progress });
          }),
        );
        opened = true;
        window.__benchtopSession = { api: current };
        setState(next);
        setChanges(await current.getStatus());
        setRevision((r) => r + 1);
        setPhase({ kind: "ready" });
        if (cloning) announce({ text: `Cloned ${next.branch}${next.shallow ? " (recent history; load the full history from the History tab)" : ""}`, tone: "success" });
        else void fetchInBackground(current);
      } catch (error) {
        opened = true;
        setPhase({ kind: "failed", message: describeError(error), code: codeOf(error) });
      }
    },
    [announce, fetchInBackground],
  );

  useEffect(() => {
    let disposed = false;
    let dispose: (() => void) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void (async () => {
      try {
        const { createWorkspaceClient } = await import("@/lib/workspace/worker/create-workspace-client");
        // isomorphic-git only takes absolute URLs ("/git/..." fails to parse as a remote).
        const absoluteUrl = new URL(remoteUrl, window.location.origin).toString();
        // The gateway too: isomorphic-git builds `${corsProxy}/${url without the scheme}`.
        const absoluteProxy = corsProxy ? new URL(corsProxy, window.location.origin).toString().replace(/\/+$/, "") : undefined;
        const client = await createWorkspaceClient({
          projectId,
          remoteUrl: absoluteUrl,
          author: { name: author.name, email: author.email },
          corsProxy: absoluteProxy,
          volumeId,
        });
        if (disposed) return client.dispose();
        // Another tab (or this tab's worker) changed files, commits or branches: re-read, coalescing bursts.
        const off = client.onChange(() => {
          clearTimeout(timer);
          timer = setTimeout(() => void refresh(), 120);
        });
        dispose = () => {
          off();
          client.dispose();
        };
        apiRef.current = client.api;
        setApi(() => client.api);
        await openWith(client.api);
      } catch (error) {
        if (!disposed) setPhase({ kind: "failed", message: describeError(error), code: codeOf(error) });
      }
    })();
    return () => {
      disposed = true;
      clearTimeout(timer);
      dispose?.();
      apiRef.current = null;
      if (window.__benchtopSession) delete window.__benchtopSession;
    };
  }, [projectId, remoteUrl, corsProxy, volumeId, author.name, author.email, openWith, refresh]);

  const reopen = useCallback(async () => {
    if (apiRef.current) await openWith(apiRef.current);
  }, [openWith]);

  return { api, phase, state, changes, revision, refresh, reopen };
}
