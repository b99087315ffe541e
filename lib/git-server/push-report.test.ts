import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { createPushReportReader } from "./push-report";
import { updatedRefs } from "./ref-updates";
import { watchPushRequest, watchPushResponse } from "./watch-push";

const pkt = (line: string | Buffer) => {
  const body = typeof line === "string" ? Buffer.from(line, "utf8") : line;
  return Buffer.concat([Buffer.from((body.length + 4).toString(16).padStart(4, "0")), body]);
};
const band = (n: number, data: Buffer) => pkt(Buffer.concat([Buffer.from([n]), data]));
const zero = "0".repeat(40);
const a = "a".repeat(40);
const b = "b".repeat(40);
const report = Buffer.concat([pkt("unpack ok\n"), pkt("ok refs/heads/main\n"), pkt("option old-oid " + a + "\n"), pkt("ng refs/heads/other failed to update ref\n"), pkt("ok refs/tags/v1\n"), Buffer.from("0000")]);

/** Feeds bytes one piece of `size` at a time, as a network would. */
const feedInPieces = (feed: (chunk: Uint8Array) => boolean, bytes: Buffer, size: number) => {
  for (let at = 0; at < bytes.length; at += size) feed(bytes.subarray(at, at + size));
};

describe("createPushReportReader", () => {
  it("reads a plain report-status, split anywhere", () => {
    for (const size of [1, 3, 7, 1000]) {
      const reader = createPushReportReader();
      feedInPieces(reader.feed, report, size);
      const result = reader.result();
      expect(result?.unpack).toBe("ok");
      expect([...result!.refs]).toEqual([
        ["refs/heads/main", { ok: true }],
        ["refs/heads/other", { ok: false, reason: "failed to update ref" }],
        ["refs/tags/v1", { ok: true }],
      ]);
    }
  });

  it("reads the report inside side-band 1, between progress on band 2, split across band packets", () => {
    const body = Buffer.concat([band(2, Buffer.from("Resolving deltas: 100%\r")), band(1, report.subarray(0, 9)), band(2, Buffer.from("more\n")), band(1, report.subarray(9)), Buffer.from("0000")]);
    const reader = createPushReportReader();
    feedInPieces(reader.feed, body, 5);
    expect(reader.result()?.refs.get("refs/heads/main")).toEqual({ ok: true });
    expect(reader.result()?.refs.get("refs/heads/other")?.ok).toBe(false);
  });

  it("has no report until its flush arrives, nor after a fatal error on band 3", () => {
    const partial = createPushReportReader();
    partial.feed(report.subarray(0, report.length - 4));
    expect(partial.result()).toBeNull();
    const fatal = createPushReportReader();
    fatal.feed(Buffer.concat([band(3, Buffer.from("fatal: out of disk\n")), band(1, report)]));
    expect(fatal.result()).toBeNull();
  });
});

describe("updatedRefs", () => {
  const commands = [
    { ref: "refs/heads/main", before: a, after: b },
    { ref: "refs/heads/other", before: a, after: b },
    { ref: "refs/tags/v1", before: zero, after: a },
  ];
  it("names only the refs git reports as updated, with what changed", () => {
    const reader = createPushReportReader();
    reader.feed(report);
    expect(updatedRefs({ commands, report: reader.result()! })).toEqual([
      { ref: "refs/heads/main", change: "updated", before: a, after: b },
      { ref: "refs/tags/v1", change: "created", before: null, after: a },
    ]);
  });
  it("names none when the pack was refused", () => {
    expect(updatedRefs({ commands, report: { unpack: "index-pack abnormal exit", refs: new Map([["refs/heads/main", { ok: true }]]) } })).toEqual([]);
  });
});

const streamOf = (pieces: Buffer[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(new Uint8Array(piece));
      controller.close();
    },
  });
const readAll = async (stream: ReadableStream<Uint8Array>) => {
  const pieces: Uint8Array[] = [];
  for await (const piece of stream as unknown as AsyncIterable<Uint8Array>) pieces.push(piece);
  return Buffer.concat(pieces);
};

describe("watching a push", () => {
  const request = Buffer.concat([pkt(`${a} ${b} refs/heads/main\0 report-status side-band-64k\n`), Buffer.from("0000"), Buffer.from("PACK-BYTES".repeat(1000))]);

  it("passes the request body on unchanged while reading its commands, compressed or not", async () => {
    for (const [encoding, bytes] of [[null, request], ["gzip", zlib.gzipSync(request)]] as const) {
      const watched = watchPushRequest({ body: streamOf([bytes.subarray(0, 10), bytes.subarray(10)]), contentEncoding: encoding });
      expect((await readAll(watched.body)).equals(bytes)).toBe(true);
      await new Promise((r) => setTimeout(r, 20));
      expect(watched.commands()).toEqual({ commands: [{ ref: "refs/heads/main", before: a, after: b }], capabilities: ["report-status", "side-band-64k"], complete: true });
    }
  });

  it("passes the response body on unchanged and settles with git's report, or null when the client leaves first", async () => {
    const whole = watchPushResponse({ body: streamOf([report.subarray(0, 4), report.subarray(4)]) });
    expect((await readAll(whole.body)).equals(report)).toBe(true);
    expect((await whole.report)?.refs.size).toBe(3);
    const abandoned = watchPushResponse({ body: streamOf([report]) });
    await abandoned.body.cancel();
    expect(await abandoned.report).toBeNull();
  });
});
