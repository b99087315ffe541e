const CRLF2 = Buffer.from("\r\n\r\n");
const LF2 = Buffer.from("\n\n");

export type CgiHead = { status: number; headers: Headers; bodyStart: number };

/**
 * Parses the CGI header block at the start of `buffer` (up to the first blank
 * line). Returns undefined while the block is incomplete.
 */
export function parseCgiHead(buffer: Buffer): CgiHead | undefined {
  let end = buffer.indexOf(CRLF2);
  let sep = CRLF2.length;
  const lfEnd = buffer.indexOf(LF2);
  if (lfEnd >= 0 && (end < 0 || lfEnd < end)) {
    end = lfEnd;
    sep = LF2.length;
  }
  if (end < 0) return undefined;
  const headers = new Headers();
  let status = 200;
  for (const line of buffer.subarray(0, end).toString("latin1").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === "status") status = Number.parseInt(value, 10) || 500;
    else headers.append(name, value);
  }
  return { status, headers, bodyStart: end + sep };
}
