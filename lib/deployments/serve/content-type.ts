import { contentType, lookup } from "mime-types";

/** What a file's name says it is: mime-types' type, with `charset=utf-8` on text types; null when the name says nothing. */
export function contentTypeByName(path: string): string | null {
  // contentType() reads an argument with a "/" as a type, not a path: look the type up first.
  const type = lookup(path);
  return type ? contentType(type) || type : null;
}

/** How much of a file is read to tell text from binary (git's own heuristic reads 8000 bytes). */
const SNIFF_BYTES = 8000;

/**
 * For a file whose name says nothing (`LICENSE`, `Makefile`, `run.py`): plain
 * text when its start holds no NUL byte and is valid UTF-8, else a download.
 */
export function contentTypeByContent(bytes: Uint8Array): string {
  const start = bytes.subarray(0, SNIFF_BYTES);
  if (start.includes(0)) return "application/octet-stream";
  try {
    // A multi-byte character cut at the end of the sample is not a reason to call the file binary.
    new TextDecoder("utf-8", { fatal: true }).decode(start, { stream: bytes.length > SNIFF_BYTES });
    return "text/plain; charset=utf-8";
  } catch {
    return "application/octet-stream";
  }
}
