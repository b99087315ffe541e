/** One pkt-line of git's wire protocol: a payload, or one of the special packets (0000, 0001, 0002). */
export type Packet = { kind: "data"; payload: Buffer } | { kind: "flush" | "delim" | "end" };

/** Feeds bytes in; answers false once the reader wants no more (it stopped, or the bytes stopped making sense). */
export type PktLineFeed = (chunk: Uint8Array) => boolean;

const SPECIAL = { 0: "flush", 1: "delim", 2: "end" } as const;

/**
 * Splits bytes that arrive in pieces of any size into pkt-lines. Only the
 * unfinished packet is kept between pieces (at most 64 KiB), so a stream of
 * any length can be watched as it passes. `onPacket` answers false to stop.
 */
export function createPktLineReader({ onPacket }: { onPacket: (packet: Packet) => boolean }): PktLineFeed {
  let pending = Buffer.alloc(0);
  let reading = true;
  return (chunk) => {
    if (!reading) return false;
    pending = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk);
    let at = 0;
    while (reading && at + 4 <= pending.length) {
      const lengthText = pending.toString("latin1", at, at + 4);
      if (!/^[0-9a-f]{4}$/i.test(lengthText)) reading = false;
      const length = parseInt(lengthText, 16);
      if (!reading) break;
      if (length < 4) {
        const kind = SPECIAL[length as 0 | 1 | 2];
        at += 4;
        reading = kind !== undefined && onPacket({ kind });
        continue;
      }
      if (at + length > pending.length) break;
      const payload = pending.subarray(at + 4, at + length);
      at += length;
      reading = onPacket({ kind: "data", payload });
    }
    pending = reading ? Buffer.from(pending.subarray(at)) : Buffer.alloc(0);
    return reading;
  };
}
