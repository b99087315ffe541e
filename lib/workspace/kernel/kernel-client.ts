import { proxy, wrap, type Remote } from "comlink";
import type { KernelWorker, KernelWorkerApi } from "./kernel-worker";
import { mountTree, type ProjectFiles } from "./mount-tree";
import { appendOutput, kernelErrorOutput } from "./outputs";
import type { KernelOutput, KernelState, MountReport, RunResult, WrittenFile } from "./types";

export type KernelOptions = {
  /** Pyodide's files as Benchtop serves them, e.g. "/pyodide/314.0.8/" (given to the page by its server component). */
  indexURL: string;
  /** The Pyodide package repository (Admin → Notebooks, or BENCHTOP_PYODIDE_PACKAGES_URL), if one is set. */
  packagesUrl?: string;
  /** The working tree to mount as the kernel's project folder. */
  files?: ProjectFiles;
  /** The current directory within the working tree ("" for its root; a notebook's folder, as in Jupyter). */
  cwd?: string;
  /** How long an interrupt waits for Python to stop before it restarts the kernel (ms). */
  interruptTimeout?: number;
  /** Makes the worker (tests may give their own). */
  createWorker?: () => Worker;
};

/** What a session page's server component hands the notebook view for its kernels. */
export type KernelSettings = Pick<KernelOptions, "indexURL" | "packagesUrl">;

export type Kernel = {
  readonly state: KernelState;
  /** Called on every change of state; returns the function that stops it. */
  onStateChange(listener: (state: KernelState) => void): () => void;
  /** What the last start mounted of the working tree (null before it has). */
  readonly mount: MountReport | null;
  /** Queues a cell; `onOutput` gets each output as it comes. */
  run(code: string, options?: { onOutput?: (output: KernelOutput) => void }): Promise<RunResult>;
  /** Stops the running cell (KeyboardInterrupt) and drops the queued ones. */
  interrupt(): Promise<void>;
  /** A fresh interpreter (variables, imports and written files gone); resolves when it is ready. */
  restart(): Promise<void>;
  listWrittenFiles(): Promise<WrittenFile[]>;
  readWrittenFile(path: string): Promise<Uint8Array>;
  /** Copies these working-tree files into the kernel again (after edits in the session); files Python changed keep Python's version. */
  refreshFiles(paths: string[]): Promise<void>;
  dispose(): void;
};

export const INTERRUPT_RESTART_NOTICE = "Restarted: the interrupt had to restart the kernel, so its variables are gone.";

type Ending = { kind: "restarted" | "died"; notice: string };
type Generation = {
  worker: Worker;
  api: Promise<Remote<KernelWorkerApi>>;
  interruptBuffer?: Uint8Array;
  ended: Promise<Ending>;
  end(ending: Ending): void;
  executionCount: number;
};
type Job = { code: string; onOutput?: (output: KernelOutput) => void; resolve(result: RunResult): void };

const ABORTED: RunResult = { status: "aborted", executionCount: null, outputs: [] };
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error));

/**
 * Starts a Python kernel (Pyodide in a Web Worker) for one open notebook. It
 * returns at once in state "starting"; runs queue until it is ready. Interrupt
 * raises KeyboardInterrupt through a SharedArrayBuffer when the page is
 * cross-origin isolated; otherwise (or when Python does not stop) it restarts the
 * kernel and says so in the state's notice. Browser only.
 */
export function startKernel(options: KernelOptions): Kernel {
  const listeners = new Set<(state: KernelState) => void>();
  const waiting = new Set<Job>();
  let state: KernelState = { status: "starting" };
  let mount: MountReport | null = null;
  let queue: Promise<void> = Promise.resolve();
  let running: Promise<unknown> | null = null;

  const setState = (next: KernelState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };

  function boot(notice?: string): Generation {
    setState({ status: "starting", ...(notice ? { notice } : {}) });
    const worker = options.createWorker?.() ?? new Worker(new URL("./kernel-worker.ts", import.meta.url), { type: "module", name: "benchtop-kernel" });
    const isolated = globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === "function";
    const interruptBuffer = isolated ? new Uint8Array(new SharedArrayBuffer(1)) : undefined;
    let end!: (ending: Ending) => void;
    const ended = new Promise<Ending>((resolve) => (end = resolve));
    const generation: Generation = { worker, interruptBuffer, ended, end, executionCount: 0, api: null! };
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      died(generation, `The kernel stopped (${event.message || "its worker failed"}). Restart it to run code again; the notebook's edits are kept.`);
    });
    const remote = wrap<KernelWorker>(worker);
    generation.api = (async () => {
      const indexURL = new URL(options.indexURL, globalThis.location?.href).href;
      const init = { indexURL, packagesUrl: options.packagesUrl, interruptBuffer: interruptBuffer?.buffer as SharedArrayBuffer | undefined, cwd: options.cwd };
      const api = (await remote.start(init)) as unknown as Remote<KernelWorkerApi>;
      if (options.files) mount = await mountTree(options.files, (batch) => api.mountFiles(batch));
      return api;
    })();
    generation.api.then(
      () => {
        if (generation === current && state.status === "starting") setState({ status: "idle", ...(notice ? { notice } : {}) });
      },
      (error) => died(generation, `The kernel could not start: ${messageOf(error)}. Reload the page or restart the kernel.`),
    );
    return generation;
  }

  function died(generation: Generation, notice: string) {
    if (generation !== current || state.status === "dead") return;
    generation.end({ kind: "died", notice });
    generation.worker.terminate();
    setState({ status: "dead", notice });
  }

  function abortWaiting() {
    for (const job of waiting) job.resolve(ABORTED);
    waiting.clear();
  }

  function replace(notice?: string) {
    abortWaiting();
    current.end({ kind: "restarted", notice: notice ?? "Restarted." });
    current.worker.terminate();
    current = boot(notice);
  }

  async function execute(job: Job): Promise<void> {
    if (!waiting.delete(job)) return;
    const generation = current;
    const api = await Promise.race([generation.api.catch(() => null), generation.ended.then(() => null)]);
    if (!api || generation !== current || state.status === "dead") return job.resolve(ABORTED);
    // Cleared here, before the cell is sent, and never in the worker: an interrupt pressed while the
    // message is on its way must stop this cell, and one that landed after the last cell ended must not.
    if (generation.interruptBuffer) generation.interruptBuffer[0] = 0;
    setState({ status: "busy" });
    let outputs: KernelOutput[] = [];
    const onOutput = (output: KernelOutput) => {
      outputs = appendOutput(outputs, output);
      job.onOutput?.(output);
    };
    const outcome = Promise.race([
      api.run(job.code, proxy(onOutput)).then(
        (result) => ({ kind: "done" as const, result }),
        (error: unknown) => ({ kind: "failed" as const, error }),
      ),
      generation.ended.then((ending) => ({ kind: "ended" as const, ending })),
    ]);
    running = outcome;
    const settled = await outcome;
    running = null;
    if (settled.kind === "done") {
      generation.executionCount = settled.result.executionCount ?? generation.executionCount;
      job.resolve(settled.result);
      if (generation === current && state.status === "busy") setState({ status: "idle" });
    } else if (settled.kind === "failed") {
      died(generation, `The kernel failed (${messageOf(settled.error)}). Restart it to run code again; the notebook's edits are kept.`);
      job.resolve({ status: "aborted", executionCount: null, outputs });
    } else if (settled.ending.kind === "restarted") {
      const stopped = kernelErrorOutput("KeyboardInterrupt", "the kernel was restarted to stop this cell; its variables are gone");
      job.resolve({ status: "error", executionCount: generation.executionCount + 1, outputs: appendOutput(outputs, stopped) });
    } else {
      job.resolve({ status: "aborted", executionCount: null, outputs });
    }
  }

  async function liveApi(): Promise<Remote<KernelWorkerApi>> {
    if (state.status === "dead") throw new Error(state.notice ?? "The kernel is not running: restart it.");
    return current.api;
  }

  let current = boot();

  return {
    get state() {
      return state;
    },
    get mount() {
      return mount;
    },
    onStateChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run(code, { onOutput } = {}) {
      return new Promise<RunResult>((resolve) => {
        const job: Job = { code, onOutput, resolve };
        waiting.add(job);
        queue = queue.then(() => execute(job));
      });
    },
    async interrupt() {
      abortWaiting();
      const cell = running;
      if (!cell) return;
      const generation = current;
      if (generation.interruptBuffer) {
        generation.interruptBuffer[0] = 2;
        const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), options.interruptTimeout ?? 3_000));
        if (await Promise.race([cell.then(() => true), timeout])) return;
      }
      // No shared memory (the page is not cross-origin isolated), or Python did not stop.
      if (running === cell && generation === current) replace(INTERRUPT_RESTART_NOTICE);
    },
    async restart() {
      replace();
      await current.api.catch(() => {});
    },
    listWrittenFiles: async () => (await liveApi()).listWrittenFiles(),
    readWrittenFile: async (path) => (await liveApi()).readFile(path),
    async refreshFiles(paths) {
      const files = options.files;
      if (!files) return;
      const api = await liveApi();
      const written = new Set((await api.listWrittenFiles()).map((file) => file.path));
      const batch: { path: string; bytes: Uint8Array }[] = [];
      for (const path of paths.filter((path) => !written.has(path))) {
        // A file gone from the tree stays in the kernel until it restarts.
        const bytes = await files.readFile(path).catch(() => null);
        if (bytes) batch.push({ path, bytes });
      }
      if (batch.length) await api.mountFiles(batch);
    },
    dispose() {
      abortWaiting();
      listeners.clear();
      current.end({ kind: "died", notice: "The kernel was shut down." });
      current.worker.terminate();
    },
  };
}
