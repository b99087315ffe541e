// What Benchtop needs of a notebook to show, edit and write it back, in words a
// person can act on. Looser than nbformat's schema where Jupyter itself is loose
// (a 4.5 cell without an id, unknown metadata), strict where the model depends on
// the shape (cell and output types, sources, outputs).
import type { Notebook } from "./types";

export const KNOWN_MINORS = "4.0 to 4.5";
const MAX_MINOR = 5;
const CELL_TYPES = ["code", "markdown", "raw"];
const OUTPUT_TYPES = ["stream", "display_data", "execute_result", "error"];

type Checked = { ok: true; notebook: Notebook } | { ok: false; reason: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown) => value === null || (typeof value === "number" && Number.isInteger(value));
const isStringList = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === "string");

/** The model if `value` (a notebook read with multi-line texts joined) is a notebook Benchtop can handle, else why not. */
export function checkNotebook(value: unknown): Checked {
  if (!isObject(value)) return fail('the JSON is not an object, while a notebook is an object with "cells", "metadata" and "nbformat"');
  if (!("nbformat" in value)) return fail('it is JSON but not a Jupyter notebook: it has no "nbformat" version');
  const { nbformat, nbformat_minor: minor } = value;
  if (nbformat !== 4) {
    const version = typeof nbformat === "number" ? `an nbformat ${nbformat} notebook` : `a notebook whose "nbformat" is ${JSON.stringify(nbformat)}`;
    return fail(`it is ${version}: Benchtop opens nbformat 4 (${KNOWN_MINORS}); open it in Jupyter and save it to convert it`);
  }
  if (typeof minor !== "number" || !Number.isInteger(minor) || minor < 0) return fail('its "nbformat_minor" is missing or not a whole number');
  if (minor > MAX_MINOR) return fail(`it is an nbformat 4.${minor} notebook, newer than Benchtop knows (${KNOWN_MINORS})`);
  if (!isObject(value.metadata)) return fail('its "metadata" is missing or not an object');
  if (!Array.isArray(value.cells)) return fail('it has no list of "cells"');
  for (const [index, cell] of value.cells.entries()) {
    const problem = checkCell(cell, `cell ${index + 1}`);
    if (problem) return fail(problem);
  }
  return { ok: true, notebook: value as Notebook };
}

function checkCell(cell: unknown, name: string): string | null {
  if (!isObject(cell)) return `${name} is not an object`;
  if (!("cell_type" in cell)) return `${name} has no cell_type`;
  if (typeof cell.cell_type !== "string" || !CELL_TYPES.includes(cell.cell_type)) {
    return `${name} has cell_type ${JSON.stringify(cell.cell_type)}; Benchtop knows code, markdown and raw cells`;
  }
  if ("id" in cell && typeof cell.id !== "string") return `the id of ${name} is not text`;
  if (typeof cell.source !== "string") return `the source of ${name} is missing, or neither text nor a list of lines`;
  if (!isObject(cell.metadata)) return `${name} has no metadata object`;
  if ("attachments" in cell && !isObject(cell.attachments)) return `the attachments of ${name} are not an object`;
  if (cell.cell_type !== "code") return null;
  if (!isCount(cell.execution_count)) return `code ${name} has an execution_count that is neither a whole number nor null`;
  if (!Array.isArray(cell.outputs)) return `code ${name} has no list of outputs`;
  for (const [index, output] of cell.outputs.entries()) {
    const problem = checkOutput(output, `output ${index + 1} of ${name}`);
    if (problem) return problem;
  }
  return null;
}

function checkOutput(output: unknown, name: string): string | null {
  if (!isObject(output)) return `${name} is not an object`;
  if (!("output_type" in output)) return `${name} has no output_type`;
  const type = output.output_type;
  if (typeof type !== "string" || !OUTPUT_TYPES.includes(type)) {
    return `${name} has output_type ${JSON.stringify(type)}; nbformat 4 knows stream, display_data, execute_result and error`;
  }
  if (type === "stream") {
    if (typeof output.name !== "string") return `${name} (a stream) has no name`;
    if (typeof output.text !== "string") return `${name} (a stream) has no text`;
  } else if (type === "error") {
    if (!isStringList(output.traceback)) return `${name} (an error) has no traceback as a list of lines`;
  } else {
    if (!isObject(output.data)) return `${name} (${type}) has no data object`;
    if (!isObject(output.metadata)) return `${name} (${type}) has no metadata object`;
    if (type === "execute_result" && !isCount(output.execution_count)) return `${name} has an execution_count that is neither a whole number nor null`;
  }
  return null;
}

const fail = (reason: string): Checked => ({ ok: false, reason });
