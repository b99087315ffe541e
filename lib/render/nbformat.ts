/**
 * The parts of nbformat 4 that rendering reads. Typed loosely on purpose: a
 * notebook from a repository is JSON that nobody checked, so every field may be
 * missing or of another type, and the renderer must still say something sensible.
 */

/** nbformat stores long text either as one string or as a list of lines. */
export type MultilineString = string | string[];

/** MIME type -> value: text as a (multiline) string, images base64, JSON as JSON. */
export type MimeBundle = Record<string, unknown>;

export type StreamOutput = { output_type: "stream"; name?: string; text?: MultilineString };
export type DataOutput = {
  output_type: "execute_result" | "display_data";
  data?: MimeBundle;
  metadata?: Record<string, unknown>;
  execution_count?: number | null;
};
export type ErrorOutput = { output_type: "error"; ename?: string; evalue?: string; traceback?: string[] };
export type NotebookOutput = StreamOutput | DataOutput | ErrorOutput | { output_type: string; [key: string]: unknown };

/** name -> MIME bundle of base64 data, as Jupyter stores pasted images. */
export type CellAttachments = Record<string, MimeBundle>;

export type NotebookCell = {
  cell_type: "code" | "markdown" | "raw" | string;
  source?: MultilineString;
  attachments?: CellAttachments;
  outputs?: NotebookOutput[];
  execution_count?: number | null;
  metadata?: Record<string, unknown>;
};

export type Notebook = {
  cells?: NotebookCell[];
  metadata?: { kernelspec?: { language?: string }; language_info?: { name?: string }; [key: string]: unknown };
  nbformat?: number;
  nbformat_minor?: number;
};

/** One string from nbformat's string-or-list-of-lines; anything else gives "". */
export function joinText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((line): line is string => typeof line === "string").join("");
  return "";
}
