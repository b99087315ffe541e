import { checkNotebook } from "./check-notebook";
import { JsonSyntaxError, parseJsonTree, type JsonNode } from "./json-tree";
import { toModelValue } from "./kinds";
import { detectLayout } from "./layout";
import type { Notebook, NotebookFormat } from "./types";

/**
 * A file read as a notebook. `text` and `tree` (the original and its JSON tree)
 * are for serializeNotebook, which copies the unchanged parts from them: pass the
 * whole result back as its `original`.
 */
export type ParsedNotebook = { ok: true; notebook: Notebook; format: NotebookFormat; text: string; tree: JsonNode };
export type NotANotebook = { ok: false; reason: string };

/**
 * Reads a `.ipynb` file: nbformat 4.0 to 4.5, with multi-line texts joined into
 * strings and every field kept, known or not. A file that is not one gives the
 * reason in words ("not valid JSON: expected ... at line 3, column 5", "an
 * nbformat 3 notebook ...", "cell 4 has no cell_type"), to show beside the file
 * opened as text; such a file must never be written back as a notebook.
 */
export function parseNotebook(text: string): ParsedNotebook | NotANotebook {
  let tree: JsonNode;
  try {
    tree = parseJsonTree(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, reason: `it is not valid JSON: ${error.message}` };
    throw error;
  }
  const checked = checkNotebook(toModelValue(tree, "notebook"));
  if (!checked.ok) return checked;
  const { notebook } = checked;
  return { ok: true, notebook, format: { nbformat: 4, nbformatMinor: notebook.nbformat_minor, layout: detectLayout(text, tree) }, text, tree };
}
