/** One ref update a push asks for. */
export type PushCommand = { ref: string; before: string; after: string };

/** The most request bytes kept for reading the commands; the pack that follows is never kept. */
export const PUSH_COMMANDS_MAX_BYTES = 64 * 1024;

const COMMAND = /^([0-9a-f]{40}|[0-9a-f]{64}) ([0-9a-f]{40}|[0-9a-f]{64}) (\S+)$/;

/**
 * Reads the ref update commands at the start of a git-receive-pack request body
 * (pkt-lines up to the first flush packet). Stops quietly at anything it does
 * not understand or at the end of the bytes it was given; shallow lines and
 * a push certificate's commands are read from it.
 */
export function readPushCommands(head: Uint8Array): PushCommand[] {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const commands: PushCommand[] = [];
  let at = 0;
  let inCertificate = false;
  while (at + 4 <= bytes.length) {
    const lengthText = bytes.toString("latin1", at, at + 4);
    if (!/^[0-9a-f]{4}$/i.test(lengthText)) break;
    const length = parseInt(lengthText, 16);
    if (length === 0) break; // flush: the commands end, the pack follows
    if (length < 4 || at + length > bytes.length) break;
    let line = bytes.toString("utf8", at + 4, at + length);
    at += length;
    line = line.replace(/\n$/, "");
    const nul = line.indexOf("\0");
    if (nul !== -1) line = line.slice(0, nul);
    if (line === "push-cert") {
      inCertificate = true;
      continue;
    }
    if (inCertificate) {
      // A signed push carries its commands inside the certificate, among header and signature lines.
      if (line === "push-cert-end") inCertificate = false;
      const signed = COMMAND.exec(line);
      if (signed) commands.push({ before: signed[1]!, after: signed[2]!, ref: signed[3]! });
      continue;
    }
    if (line.startsWith("shallow ")) continue;
    const match = COMMAND.exec(line);
    if (!match) break;
    commands.push({ before: match[1]!, after: match[2]!, ref: match[3]! });
  }
  return commands;
}
