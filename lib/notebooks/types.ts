// The notebook model: nbformat 4 as Jupyter holds it in memory (nbformat's
// NotebookNode after `rejoin_lines`): every multi-line text a single string, every
// field Benchtop does not know kept as it was read, so that writing it back loses
// nothing. Our own types rather than @jupyterlab/nbformat's, which would bring
// @lumino/coreutils into the browser bundle for a handful of type names.

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };

/** A MIME bundle: `text/*` and other textual types as one string, JSON types (`application/json`, `*+json`) as JSON. */
export type MimeBundle = { [mime: string]: JsonValue };

export type StreamOutput = { output_type: "stream"; name: string; text: string; [key: string]: JsonValue };
export type DisplayDataOutput = { output_type: "display_data"; data: MimeBundle; metadata: JsonObject; [key: string]: JsonValue };
export type ExecuteResultOutput = {
  output_type: "execute_result";
  execution_count: number | null;
  data: MimeBundle;
  metadata: JsonObject;
  [key: string]: JsonValue;
};
export type ErrorOutput = { output_type: "error"; ename: string; evalue: string; traceback: string[]; [key: string]: JsonValue };
export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

/** `id` is present from nbformat 4.5 on (and absent before: 4.0 to 4.4 forbid it). */
export type CodeCell = {
  id?: string;
  cell_type: "code";
  metadata: JsonObject;
  source: string;
  execution_count: number | null;
  outputs: Output[];
  [key: string]: JsonValue | undefined;
};
export type MarkdownCell = { id?: string; cell_type: "markdown"; metadata: JsonObject; source: string; attachments?: { [name: string]: MimeBundle }; [key: string]: JsonValue | undefined };
export type RawCell = { id?: string; cell_type: "raw"; metadata: JsonObject; source: string; attachments?: { [name: string]: MimeBundle }; [key: string]: JsonValue | undefined };
export type Cell = CodeCell | MarkdownCell | RawCell;
export type CellType = Cell["cell_type"];

export type Notebook = {
  nbformat: 4;
  /** 0 to 5: written back unchanged. */
  nbformat_minor: number;
  metadata: JsonObject;
  cells: Cell[];
  [key: string]: JsonValue | Cell[] | undefined;
};

/**
 * How a notebook file was laid out, so that a changed notebook is written the
 * same way (Jupyter's own layout for files Jupyter wrote).
 */
export type NotebookLayout = {
  /** The indent of one level (" " for Jupyter), or null for JSON on one line. */
  indent: string | null;
  newline: "\n" | "\r\n";
  /** Between a key and its value (": " for Jupyter). */
  colon: string;
  /** Between the items of a one-line container (indent null). */
  separator: string;
  /** Keys sorted as Python's `sort_keys=True` sorts them (by code point). */
  sortKeys: boolean;
  /** Non-ASCII text written as \u escapes (Python's `ensure_ascii=True`) rather than as it is. */
  escapeNonAscii: boolean;
  /** New multi-line texts written as lists of lines (nbformat's `split_lines`) rather than one string. */
  splitLines: boolean;
  /** Text before the JSON (a byte order mark) and after it (Jupyter: one newline). */
  prefix: string;
  suffix: string;
};

export type NotebookFormat = { nbformat: 4; nbformatMinor: number; layout: NotebookLayout };

/** Jupyter's layout: nbformat's `writes()` (`json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False)`) and the final newline of `write()`. */
export const JUPYTER_LAYOUT: NotebookLayout = {
  indent: " ",
  newline: "\n",
  colon: ": ",
  separator: ", ",
  sortKeys: true,
  escapeNonAscii: false,
  splitLines: true,
  prefix: "",
  suffix: "\n",
};
