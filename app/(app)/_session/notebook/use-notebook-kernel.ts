"use client";

import type { Remote } from "comlink";
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkspaceApi } from "@/lib/workspace/api";
import type { Kernel, KernelSettings, KernelState, WrittenFile } from "@/lib/workspace/kernel";

type Options = {
  api: Remote<WorkspaceApi>;
  /** The notebook's path: its folder is Python's current directory, as in Jupyter. */
  path: string;
  settings: KernelSettings;
};

const folderOf = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");

/**
 * The open notebook's Python kernel, started on the first run (opening a
 * notebook to read it never loads Pyodide) and shut down when the notebook
 * closes. `state` is null until then. Files Python writes are listed after
 * each run, to be offered for saving into the project.
 */
export function useNotebookKernel({ api, path, settings }: Options) {
  const kernelRef = useRef<Promise<Kernel> | null>(null);
  const [state, setState] = useState<KernelState | null>(null);
  const [writtenFiles, setWrittenFiles] = useState<WrittenFile[]>([]);
  // Files saved into the project (or dismissed), by the size they had then: listed again only once Python changes them.
  const settled = useRef(new Map<string, number>());

  const ensure = useCallback((): Promise<Kernel> => {
    kernelRef.current ??= import("@/lib/workspace/kernel").then(({ startKernel, workingTreeFiles }) => {
      const kernel = startKernel({ ...settings, files: workingTreeFiles(api), cwd: folderOf(path) });
      setState(kernel.state);
      kernel.onStateChange(setState);
      return kernel;
    });
    return kernelRef.current;
  }, [api, path, settings]);

  useEffect(
    () => () => {
      void kernelRef.current?.then((kernel) => kernel.dispose());
      kernelRef.current = null;
    },
    [],
  );

  const refreshWrittenFiles = useCallback(async () => {
    const kernel = await kernelRef.current;
    if (!kernel || kernel.state.status === "dead") return;
    const files = await kernel.listWrittenFiles().catch(() => []);
    setWrittenFiles(files.filter((file) => settled.current.get(file.path) !== file.size));
  }, []);

  const interrupt = useCallback(async () => (await kernelRef.current)?.interrupt(), []);
  const restart = useCallback(async () => {
    const kernel = await ensure();
    await kernel.restart();
    settled.current.clear();
    setWrittenFiles([]);
  }, [ensure]);

  /** Copies the session's edits of these files into a running kernel (Python's own changes win). */
  const refreshFiles = useCallback(async (paths: string[]) => {
    const kernel = await kernelRef.current;
    if (kernel && kernel.state.status !== "dead" && paths.length) await kernel.refreshFiles(paths).catch(() => {});
  }, []);

  const readWrittenFile = useCallback(async (file: string) => (await ensure()).readWrittenFile(file), [ensure]);
  /** Stops offering a file (saved or dismissed) until Python changes it again. */
  const settleWrittenFile = useCallback((file: WrittenFile) => {
    settled.current.set(file.path, file.size);
    setWrittenFiles((files) => files.filter((entry) => entry.path !== file.path));
  }, []);

  return { ensure, state, interrupt, restart, refreshFiles, writtenFiles, refreshWrittenFiles, readWrittenFile, settleWrittenFile };
}
