import { describe, expect, it } from "vitest";
import { addSidebandNotice, sidebandMessage } from "./sideband-notice";

const pkt = (line: string | Buffer) => {
  const body = typeof line === "string" ? Buffer.from(line, "utf8") : line;
  return Buffer.concat([Buffer.from((body.length + 4).toString(16).padStart(4, "0")), body]);
};
const band = (n: number, data: string | Buffer) => pkt(Buffer.concat([Buffer.from([n]), Buffer.from(data)]));
const flush = Buffer.from("0000");

/** Streams `bytes` in pieces of `size` through the notice and collects the output. */
async function through(bytes: Buffer, size: number, message = "moved") {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += size) controller.enqueue(new Uint8Array(bytes.subarray(at, at + size)));
      controller.close();
    },
  });
  const chunks: Uint8Array[] = [];
  const reader = addSidebandNotice({ body, message }).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  return Buffer.concat(chunks);
}

const sizes = [1, 2, 3, 4, 5, 7, 64, 100_000];

describe("addSidebandNotice", () => {
  it("puts the message on side-band 2 before a fetch's pack (protocol v2), split anywhere", async () => {
    const head = Buffer.concat([pkt("acknowledgments\n"), pkt("ACK " + "a".repeat(40) + "\n"), pkt("ready\n"), Buffer.from("0001"), pkt("packfile\n")]);
    const tail = Buffer.concat([band(2, "Enumerating objects: 3\n"), band(1, Buffer.from("PACK\u0000\u0000\u0000\u0002binary\u0001\u0002")), flush]);
    for (const size of sizes) expect(await through(Buffer.concat([head, tail]), size)).toEqual(Buffer.concat([head, sidebandMessage("moved"), tail]));
  });

  it("puts it before a push's report (side-band-64k) and before a protocol v0 pack after NAK", async () => {
    const report = Buffer.concat([band(1, Buffer.concat([pkt("unpack ok\n"), pkt("ok refs/heads/main\n"), flush])), flush]);
    for (const size of sizes) expect(await through(report, size)).toEqual(Buffer.concat([sidebandMessage("moved"), report]));
    const v0 = Buffer.concat([pkt("NAK\n"), band(1, "PACK..."), flush]);
    for (const size of sizes) expect(await through(v0, size)).toEqual(Buffer.concat([pkt("NAK\n"), sidebandMessage("moved"), band(1, "PACK..."), flush]));
  });

  it("leaves answers without side-band as they are", async () => {
    const refs = Buffer.concat([pkt("a".repeat(40) + " HEAD\n"), pkt("a".repeat(40) + " refs/heads/main\n"), flush]);
    const plainReport = Buffer.concat([pkt("unpack ok\n"), pkt("ok refs/heads/main\n"), flush]);
    const barePack = Buffer.concat([pkt("NAK\n"), Buffer.from("PACK\u0000\u0000\u0000\u0002\u0001\u0002\u0003 rest of the pack")]);
    for (const body of [refs, plainReport, barePack, Buffer.alloc(0), Buffer.from("00")]) {
      for (const size of sizes) expect(await through(body, size)).toEqual(body);
    }
  });

  it("makes a packet git prints line by line as remote: ...", () => {
    const packet = sidebandMessage("first line\nsecond line");
    expect(packet.toString("latin1", 0, 4)).toBe((packet.length).toString(16).padStart(4, "0"));
    expect(packet[4]).toBe(2);
    expect(packet.subarray(5).toString("utf8")).toBe("first line\nsecond line\n");
  });
});
