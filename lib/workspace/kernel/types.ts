// The kernel's outputs in nbformat 4's own shapes (nbformat.v4 schema: "output"), so
// they go into a notebook's JSON as they are. Multiline strings are single strings
// here; a writer may split them into lists of lines as Jupyter does.

/** A MIME bundle: `text/plain` always; `text/html`, `image/png` (base64) and others when the object has them. */
export type MimeBundle = Record<string, unknown>;

export type StreamOutput = { output_type: "stream"; name: "stdout" | "stderr"; text: string };
export type ExecuteResultOutput = { output_type: "execute_result"; execution_count: number; data: MimeBundle; metadata: Record<string, unknown> };
export type DisplayDataOutput = { output_type: "display_data"; data: MimeBundle; metadata: Record<string, unknown> };
/** `traceback` holds IPython's lines, with ANSI colour sequences. */
export type ErrorOutput = { output_type: "error"; ename: string; evalue: string; traceback: string[] };

export type KernelOutput = StreamOutput | ExecuteResultOutput | DisplayDataOutput | ErrorOutput;

/**
 * What a run came to. `ok` and `error` ran (and took an execution count); `aborted`
 * never ran: interrupted while waiting in the queue, or the kernel was dead or restarted.
 */
export type RunResult = { status: "ok" | "error" | "aborted"; executionCount: number | null; outputs: KernelOutput[] };

export type KernelStatus = "starting" | "idle" | "busy" | "dead";

/** `notice` says what happened to the kernel when it was not asked for (an interrupt that had to restart it, a crash). */
export type KernelState = { status: KernelStatus; notice?: string };

/** A file the kernel's Python created or changed under the project folder since it was mounted. */
export type WrittenFile = { path: string; size: number; change: "added" | "modified" };

/** What was mounted of the working tree; `skipped` lists files left out by the limits. */
export type MountReport = { files: number; bytes: number; skipped: { path: string; reason: string }[] };
