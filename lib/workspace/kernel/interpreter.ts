import type { loadPyodide as LoadPyodide, PyodideAPI } from "pyodide";
import type { PyProxy } from "pyodide/ffi";
import { appendOutput, kernelErrorOutput } from "./outputs";
import { listWrittenFiles, PROJECT_DIR, readProjectFile, writeProjectFiles, type MountedFiles } from "./project-files";
import { PYTHON_MODULES } from "./python";
import type { KernelOutput, RunResult, WrittenFile } from "./types";

export type InterpreterOptions = {
  /** Pyodide's `loadPyodide`: imported from the served `pyodide.mjs` in a worker, from the package in Node. */
  loadPyodide: typeof LoadPyodide;
  /** Where Pyodide's own files are (pyodide.asm.wasm, python_stdlib.zip, pyodide-lock.json), ending in "/". */
  indexURL: string;
  /** The Pyodide package repository (Admin → Notebooks, or BENCHTOP_PYODIDE_PACKAGES_URL), ending in "/"; none on an isolated network. */
  packagesUrl?: string;
  /** A lock file listing the repository's packages; default: Pyodide's own (`indexURL`), whose files the repository holds. */
  lockFileURL?: string;
  /** Shared with whoever interrupts: writing 2 (SIGINT) into it raises KeyboardInterrupt in the running cell. */
  interruptBuffer?: Uint8Array;
  /** The current directory, relative to the working tree's root ("" for the root). */
  cwd?: string;
};

/** One Python interpreter with the kernel's behaviour; it knows nothing of workers or pages. */
export type Interpreter = {
  version: string;
  /** Runs a cell; `onOutput` gets each output as it comes; the result's outputs are merged as Jupyter stores them. */
  run(code: string, onOutput?: (output: KernelOutput) => void): Promise<RunResult>;
  /** Puts working-tree files into the project folder (the current directory's tree). */
  mountFiles(files: { path: string; bytes: Uint8Array }[]): void;
  listWrittenFiles(): WrittenFile[];
  readFile(path: string): Uint8Array;
};

type PythonKernel = PyProxy & {
  prepare(source: string): string;
  run_cell(source: string, prepared: string, count: number): Promise<"ok" | "error">;
};

/** The import names of the packages in Pyodide's lock file, which only a package repository can provide. */
function packageImports(pyodide: PyodideAPI): string[] {
  return Object.values(pyodide.lockfile.packages).flatMap((pkg) => (pkg.package_type === "package" ? pkg.imports : []));
}

/**
 * Starts Pyodide with the kernel's Python modules: stdout and stderr as stream
 * outputs, the last expression as execute_result, display(), errors as IPython
 * shows them, magics (%pip), the project folder as the current directory. Takes
 * a few seconds (the interpreter and the standard library load from `indexURL`).
 */
export async function startInterpreter({ loadPyodide, indexURL, packagesUrl, lockFileURL, interruptBuffer, cwd = "" }: InterpreterOptions): Promise<Interpreter> {
  let sink: ((output: KernelOutput) => void) | null = null;
  const emit = (output: KernelOutput) => sink?.(output);
  const pyodide = await loadPyodide({
    indexURL,
    ...(packagesUrl ? { packageBaseUrl: packagesUrl } : {}),
    ...(lockFileURL ? { lockFileURL } : {}),
    env: { HOME: "/home/pyodide" },
  });
  // Writes that bypass sys.stdout (C extensions) still become outputs.
  pyodide.setStdout({ batched: (text) => emit({ output_type: "stream", name: "stdout", text: `${text}\n` }) });
  pyodide.setStderr({ batched: (text) => emit({ output_type: "stream", name: "stderr", text: `${text}\n` }) });
  if (interruptBuffer) pyodide.setInterruptBuffer(interruptBuffer);

  const fs = pyodide.FS;
  fs.mkdirTree("/lib/benchtop");
  for (const [name, source] of Object.entries(PYTHON_MODULES)) fs.writeFile(`/lib/benchtop/${name}`, source);
  const workDir = cwd ? `${PROJECT_DIR}/${cwd}` : PROJECT_DIR;
  fs.mkdirTree(workDir);
  pyodide.runPython("import sys; sys.path.insert(0, '/lib/benchtop')");
  const runner = pyodide.pyimport("_benchtop_runner");
  const packages = { repository: Boolean(packagesUrl), imports: packageImports(pyodide) };
  const kernel = runner.start((json: string) => emit(JSON.parse(json) as KernelOutput), packages, pyodide.version, workDir) as PythonKernel;
  runner.destroy();

  const mounted: MountedFiles = new Map();
  let executionCount = 0;

  async function loadImportedPackages(code: string) {
    const failures: string[] = [];
    try {
      await pyodide.loadPackagesFromImports(code, { messageCallback: () => {}, errorCallback: (message) => failures.push(message) });
    } catch (error) {
      failures.push(`Could not load packages from ${packagesUrl}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (failures.length) emit({ output_type: "stream", name: "stderr", text: `${failures.join("\n")}\n` });
  }

  return {
    version: pyodide.version,
    async run(code, onOutput) {
      const count = ++executionCount;
      let outputs: KernelOutput[] = [];
      sink = (output) => {
        outputs = appendOutput(outputs, output);
        onOutput?.(output);
      };
      try {
        const prepared = kernel.prepare(code);
        if (packagesUrl) await loadImportedPackages(prepared);
        const status = await kernel.run_cell(code, prepared, count);
        return { status, executionCount: count, outputs };
      } catch (error) {
        // A Python error outside the cell's own code (an interrupt landing between steps).
        const type = (error as { type?: unknown }).type;
        if (typeof type !== "string") throw error;
        sink(kernelErrorOutput(type, ""));
        return { status: "error", executionCount: count, outputs };
      } finally {
        sink = null;
      }
    },
    mountFiles: (files) => writeProjectFiles(fs, mounted, files),
    listWrittenFiles: () => listWrittenFiles(fs, mounted),
    readFile: (path) => readProjectFile(fs, path),
  };
}
