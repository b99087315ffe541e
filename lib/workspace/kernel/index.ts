// The notebook's Python kernel: Pyodide in a Web Worker, one per open notebook.
// Browser only; load it with `await import("@/lib/workspace/kernel")` where a
// notebook is opened, so that sessions without notebooks never fetch it.
//
//   const { startKernel, workingTreeFiles } = await import("@/lib/workspace/kernel");
//   const kernel = startKernel({ ...session.kernelSettings, files: workingTreeFiles(session.api), cwd: "notebooks" });
//   kernel.onStateChange((state) => show(state.status, state.notice));
//   const { status, executionCount, outputs } = await kernel.run("print(6*7)", { onOutput: (o) => draw(o) });
//   await kernel.interrupt();      // KeyboardInterrupt in the running cell, queued cells dropped
//   await kernel.restart();        // a fresh interpreter
//   await kernel.listWrittenFiles(); kernel.readWrittenFile("out/summary.csv");  // to offer saving them
//   kernel.dispose();
//
// Outputs are nbformat 4's own shapes (types.ts); `appendOutput` joins streamed text
// as Jupyter stores it. The Python side (display(), tracebacks, magics, the message
// for packages without a repository) is in python/ and runs in Node too (interpreter.ts).
export { startKernel, INTERRUPT_RESTART_NOTICE, type Kernel, type KernelOptions, type KernelSettings } from "./kernel-client";
export { MOUNT_LIMITS, workingTreeFiles, type ProjectFiles } from "./mount-tree";
export { appendOutput } from "./outputs";
export { PROJECT_DIR } from "./project-files";
export type {
  DisplayDataOutput,
  ErrorOutput,
  ExecuteResultOutput,
  KernelOutput,
  KernelState,
  KernelStatus,
  MimeBundle,
  MountReport,
  RunResult,
  StreamOutput,
  WrittenFile,
} from "./types";
