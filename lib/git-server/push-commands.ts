import { createPktLineReader, type PktLineFeed } from "./pkt-lines";

/** One ref update a push asks for (object ids as sent; all zeros for "none"). */
export type PushCommand = { ref: string; before: string; after: string };

export type PushCommands = {
  commands: PushCommand[];
  /** What the client asked for on the first command line (report-status, side-band-64k, ...). */
  capabilities: string[];
  /** Whether the flush packet that ends the commands was seen. */
  complete: boolean;
};

const COMMAND = /^([0-9a-f]{40}|[0-9a-f]{64}) ([0-9a-f]{40}|[0-9a-f]{64}) (\S+)$/;

/**
 * Reads the ref update commands at the start of a git-receive-pack request body
 * (pkt-lines up to the first flush packet), fed in pieces as the body passes;
 * the pack that follows is never looked at. Stops quietly at anything it does
 * not understand; shallow lines are skipped and a signed push's commands are
 * read from its certificate.
 */
export function createPushCommandReader(): { feed: PktLineFeed; result: () => PushCommands } {
  const found: PushCommands = { commands: [], capabilities: [], complete: false };
  let inCertificate = false;
  const onLine = (raw: string): boolean => {
    let line = raw.replace(/\n$/, "");
    const nul = line.indexOf("\0");
    if (nul !== -1) {
      if (found.capabilities.length === 0) found.capabilities = line.slice(nul + 1).trim().split(/\s+/);
      line = line.slice(0, nul);
    }
    if (line === "push-cert") return (inCertificate = true);
    const command = COMMAND.exec(line);
    if (command) found.commands.push({ before: command[1]!, after: command[2]!, ref: command[3]! });
    // A signed push carries its commands inside the certificate, among header and signature lines.
    if (inCertificate) {
      if (line === "push-cert-end") inCertificate = false;
      return true;
    }
    return command !== null || line.startsWith("shallow ");
  };
  const feed = createPktLineReader({
    onPacket: (packet) => {
      if (packet.kind === "data") return onLine(packet.payload.toString("utf8"));
      // flush: the commands end, the pack follows
      found.complete = packet.kind === "flush";
      return false;
    },
  });
  return { feed, result: () => found };
}

/** The commands in the first bytes of a git-receive-pack request body. */
export function readPushCommands(head: Uint8Array): PushCommand[] {
  const reader = createPushCommandReader();
  reader.feed(head);
  return reader.result().commands;
}
