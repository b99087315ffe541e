/** Git's side-band channels: 1 carries data (the pack, push reports), 2 progress and messages, 3 a fatal error. */
const isSidebandPacket = (firstPayloadByte: number) => firstPayloadByte >= 1 && firstPayloadByte <= 3;

/** One pkt-line on side-band 2, which git prints as "remote: <line>" for each line. */
export function sidebandMessage(text: string): Buffer {
  const payload = Buffer.concat([Buffer.from([2]), Buffer.from(text.endsWith("\n") ? text : `${text}\n`, "utf8")]);
  return Buffer.concat([Buffer.from((payload.length + 4).toString(16).padStart(4, "0"), "latin1"), payload]);
}

/**
 * Passes an answer of git-upload-pack or git-receive-pack on unchanged, except
 * that `message` is shown to the person at the terminal: it is put on side-band
 * 2 just before the first side-band packet (the pack of a fetch, the report of
 * a push). Answers without side-band (a ref listing, a negotiation round, a
 * client that asked for none, a pack sent bare) pass untouched. Only packet
 * headers are read, and at most four bytes are held back between pieces.
 */
export function addSidebandNotice({ body, message }: { body: ReadableStream<Uint8Array>; message: string }): ReadableStream<Uint8Array> {
  const notice = sidebandMessage(message);
  let scanning = true;
  // Payload bytes of the current packet still to pass before the next header.
  let skip = 0;
  let held = Buffer.alloc(0);
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (!scanning) return controller.enqueue(chunk);
        const bytes = held.length ? Buffer.concat([held, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        held = Buffer.alloc(0);
        let at = 0;
        while (scanning && at < bytes.length) {
          if (skip > 0) {
            const passed = Math.min(skip, bytes.length - at);
            at += passed;
            skip -= passed;
            continue;
          }
          if (bytes.length - at < 4) break;
          const header = bytes.toString("latin1", at, at + 4);
          if (!/^[0-9a-f]{4}$/i.test(header)) {
            scanning = false; // Not pkt-lines (a bare pack): nothing to add.
            break;
          }
          const length = parseInt(header, 16);
          if (length <= 4) {
            at += 4; // flush, delim, end of response, or an empty packet
            continue;
          }
          if (bytes.length - at < 5) break;
          if (isSidebandPacket(bytes[at + 4]!)) {
            scanning = false;
            controller.enqueue(Buffer.concat([bytes.subarray(0, at), notice, bytes.subarray(at)]));
            return;
          }
          at += 4;
          skip = length - 4;
        }
        // An unfinished header waits for the next piece; everything before it goes on now.
        const keep = scanning && skip === 0 ? bytes.length - at : 0;
        held = Buffer.from(bytes.subarray(bytes.length - keep));
        if (bytes.length - keep > 0) controller.enqueue(bytes.subarray(0, bytes.length - keep));
      },
      flush(controller) {
        if (held.length) controller.enqueue(held);
      },
    }),
  );
}
