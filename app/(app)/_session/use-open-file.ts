"use client";

import type { Remote } from "comlink";
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkspaceApi } from "@/lib/workspace/api";
import type { FileContent, Progress } from "@/lib/workspace/types";
import { codeOf, describeError } from "./error-text";
import { useReportFailure } from "./failure-reports";
import { announceLfsStored } from "./lfs-stored-event";
import { progressOptions } from "./progress-options";
import type { StatusMessage } from "./use-status";

const encoder = new TextEncoder();

type Options = { api: Remote<WorkspaceApi>; path: string | null; revision: number; announce: (message: StatusMessage) => void };

/**
 * The open file: its text as last read or saved, the editor's current text,
 * and saving with the version it was read at, so that a save never silently
 * overwrites what another tab saved in between.
 */
export function useOpenFile({ api, path, revision, announce }: Options) {
  const [content, setContent] = useState<FileContent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [docKey, setDocKey] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  // A large file (Git LFS) downloading on its first opening.
  const [progress, setProgress] = useState<Progress | null>(null);
  const text = useRef("");
  const saved = useRef("");
  const version = useRef(0);
  const busy = useRef(false);
  const current = useRef(path);
  const reportFailure = useReportFailure();

  const load = useCallback(
    (target: string, { keepEdits }: { keepEdits: boolean }) =>
      api.readFile(progressOptions((next) => void (current.current === target && setProgress(next)), { path: target })).then(
        (file) => {
          if (current.current !== target) return;
          setProgress(null);
          if (file.lfs) announceLfsStored();
          // A re-read started while the text was clean, but the person typed before it came back:
          // keep their text and the version they started from (a save then detects another tab's change).
          if (keepEdits && text.current !== saved.current) return;
          version.current = file.version;
          const next = file.text ?? "";
          setError(null);
          setContent(file);
          setConflict(false);
          saved.current = next;
          if (keepEdits && text.current === next) return setDirty(false);
          text.current = next;
          setDirty(false);
          setDocKey((key) => key + 1);
        },
        (failure: unknown) => {
          if (current.current !== target) return;
          setProgress(null);
          setContent(null);
          setError(codeOf(failure) === "not_found" ? `${target} does not exist on this branch any more.` : `Could not open ${target}. ${describeError(failure)}`);
        },
      ),
    [api],
  );

  useEffect(() => {
    current.current = path;
    text.current = saved.current = "";
    if (path) void load(path, { keepEdits: false });
  }, [path, load]);

  useEffect(() => {
    // Something changed the workspace (a save in another tab, a pull): re-read, unless the person's edits would be lost.
    if (current.current && !busy.current && text.current === saved.current) void load(current.current, { keepEdits: true });
  }, [revision, load]);

  const onChange = useCallback((next: string) => {
    text.current = next;
    setDirty(next !== saved.current);
  }, []);

  const saveNow = useCallback(
    async ({ force = false }: { force?: boolean } = {}): Promise<boolean> => {
      const target = current.current;
      const body = text.current;
      if (!target || (!force && body === saved.current)) return true;
      busy.current = true;
      setSaving(true);
      try {
        const result = await api.writeFile({ path: target, content: encoder.encode(body), expectedVersion: force ? undefined : version.current });
        version.current = result.version;
        saved.current = body;
        setDirty(text.current !== body);
        setConflict(false);
        announce({ text: `Saved ${target}`, tone: "success" });
        return true;
      } catch (failure) {
        if (codeOf(failure) === "conflict") {
          setConflict(true);
          announce({ text: `${target} was saved in another tab since you opened it. Your text is kept here: choose Overwrite to save yours, or Reload to take the other version.`, tone: "error" });
        } else {
          announce({ text: `Could not save ${target}. ${describeError(failure)}`, tone: "error" });
          reportFailure("save", failure);
        }
        return false;
      } finally {
        busy.current = false;
        setSaving(false);
      }
    },
    [api, announce, reportFailure],
  );

  // One save at a time: a notebook's autosave and a save before a commit or another file would
  // otherwise both send the same expected version, and the second would look like another tab's.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** Saves the editor's text (after any save under way); true when it is saved (or there was nothing to save). */
  const save = useCallback(
    (options?: { force?: boolean }): Promise<boolean> => {
      const next = queue.current.then(() => saveNow(options));
      queue.current = next.catch(() => {});
      return next;
    },
    [saveNow],
  );

  const reload = useCallback(async () => {
    if (current.current) await load(current.current, { keepEdits: false });
  }, [load]);

  const editorText = useCallback(() => text.current, []);
  return { content, error, docKey, dirty, saving, conflict, progress, onChange, save, reload, editorText };
}
