import { createPktLineReader, type Packet, type PktLineFeed } from "./pkt-lines";

/** What git-receive-pack answered for one ref: updated, or refused with git's reason. */
export type RefResult = { ok: true } | { ok: false; reason: string };

export type PushReport = {
  /** "ok", or why the pack could not be unpacked (then no ref moved). */
  unpack: string;
  refs: Map<string, RefResult>;
};

/**
 * Reads git-receive-pack's report-status (`unpack ok`, `ok <ref>`, `ng <ref>
 * <reason>`; report-status-v2's `option` lines are skipped) from a response
 * body fed in pieces as it streams to the client. With side-band the report is
 * itself pkt-lines inside band 1, between progress (band 2); which of the two
 * it is shows in the first packet (a report starts with "unpack"). `result` is
 * null until the report has been read to its end.
 */
export function createPushReportReader(): { feed: PktLineFeed; result: () => PushReport | null } {
  const report: PushReport = { unpack: "", refs: new Map() };
  let complete = false;
  const onLine = (line: string): boolean => {
    if (line.startsWith("unpack ")) report.unpack = line.slice("unpack ".length);
    else if (line.startsWith("ok ")) report.refs.set(line.slice(3), { ok: true });
    else if (line.startsWith("ng ")) {
      const space = line.indexOf(" ", 3);
      report.refs.set(space === -1 ? line.slice(3) : line.slice(3, space), { ok: false, reason: space === -1 ? "" : line.slice(space + 1) });
    } else if (!line.startsWith("option ")) return false;
    return true;
  };
  const onReportPacket = (packet: Packet): boolean => {
    if (packet.kind !== "data") {
      complete = packet.kind === "flush" && report.unpack !== "";
      return false;
    }
    return onLine(packet.payload.toString("utf8").replace(/\n$/, ""));
  };
  const readBand1 = createPktLineReader({ onPacket: onReportPacket });
  let sideBand: boolean | undefined;
  const feed = createPktLineReader({
    onPacket: (packet) => {
      if (packet.kind === "data") sideBand ??= packet.payload.toString("latin1", 0, 7) !== "unpack ";
      if (!sideBand) return onReportPacket(packet);
      if (packet.kind !== "data") return false;
      const band = packet.payload[0];
      if (band === 1) readBand1(packet.payload.subarray(1));
      // Band 2 is progress; band 3 is a fatal error, after which nothing is reported.
      return band === 1 || band === 2;
    },
  });
  return { feed, result: () => (complete ? report : null) };
}
