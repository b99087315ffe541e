/// <reference lib="webworker" />
// A notebook's Python kernel: Pyodide in a Web Worker, so a long cell never blocks
// the page and can be stopped (interrupt buffer) or thrown away (restart). One
// worker per open notebook; the page talks to it through kernel-client.ts.
import { expose, proxy } from "comlink";
import type { loadPyodide as LoadPyodide } from "pyodide";
import { startInterpreter, type Interpreter } from "./interpreter";
import type { KernelOutput } from "./types";

export type KernelWorkerInit = {
  /** Pyodide's files, served by Benchtop (absolute URL ending in "/"). */
  indexURL: string;
  packagesUrl?: string;
  /** One byte shared with the page, when it is cross-origin isolated. */
  interruptBuffer?: SharedArrayBuffer;
  cwd?: string;
};

/** What the page can ask of a started kernel (methods of Interpreter, callable through Comlink). */
export type KernelWorkerApi = {
  run(code: string, onOutput: (output: KernelOutput) => void): ReturnType<Interpreter["run"]>;
  mountFiles(files: { path: string; bytes: Uint8Array }[]): void;
  listWrittenFiles(): ReturnType<Interpreter["listWrittenFiles"]>;
  readFile(path: string): Uint8Array;
};

/**
 * Runs `work` with importScripts hidden. Turbopack starts every worker as a classic
 * one (its chunks load with importScripts), and Pyodide refuses classic workers,
 * which it recognises by importScripts working; yet Pyodide loads here with import(),
 * which classic workers have in every browser Benchtop supports.
 */
async function withoutImportScripts<T>(work: () => Promise<T>): Promise<T> {
  const scope = self as unknown as { importScripts?: unknown };
  Object.defineProperty(scope, "importScripts", { value: undefined, configurable: true, writable: true });
  try {
    return await work();
  } finally {
    delete scope.importScripts;
  }
}

const worker = {
  async start({ indexURL, packagesUrl, interruptBuffer, cwd }: KernelWorkerInit) {
    // Loaded at run time from Benchtop's own /pyodide route, never bundled: Pyodide finds its
    // wasm and standard library beside it.
    const moduleUrl = new URL("pyodide.mjs", indexURL).href;
    const interpreter = await withoutImportScripts(async () => {
      const { loadPyodide } = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ moduleUrl)) as { loadPyodide: typeof LoadPyodide };
      return startInterpreter({ loadPyodide, indexURL, packagesUrl, interruptBuffer: interruptBuffer ? new Uint8Array(interruptBuffer) : undefined, cwd });
    });
    const api: KernelWorkerApi = {
      run: (code, onOutput) => interpreter.run(code, (output) => void onOutput(output)),
      mountFiles: (files) => interpreter.mountFiles(files),
      listWrittenFiles: () => interpreter.listWrittenFiles(),
      readFile: (path) => interpreter.readFile(path),
    };
    return proxy(api);
  },
};

export type KernelWorker = typeof worker;

expose(worker);
