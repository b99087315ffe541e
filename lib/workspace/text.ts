/** How much of a file is looked at for NUL bytes, as git does. */
const SNIFF_BYTES = 8000;

/**
 * True when the bytes are not UTF-8 text: a NUL byte near the start, or invalid
 * UTF-8. Past `limit` bytes only the start is checked (for files too large to
 * open, where decoding everything would be wasted work).
 */
export function isBinary(bytes: Uint8Array, limit = Infinity): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return true;
  try {
    if (bytes.length <= limit) new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    // `stream` lets a character cut at the end of the sample pass as valid.
    else new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return false;
  } catch {
    return true;
  }
}

/** Decodes UTF-8, keeping a byte order mark so that saving the text gives the same bytes back. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}
