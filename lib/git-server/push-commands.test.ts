import { describe, expect, it } from "vitest";
import { readPushCommands } from "./push-commands";

const pkt = (line: string) => {
  const body = Buffer.from(line, "utf8");
  return Buffer.concat([Buffer.from((body.length + 4).toString(16).padStart(4, "0")), body]);
};
const zero = "0".repeat(40);
const a = "a".repeat(40);
const b = "b".repeat(40);

describe("readPushCommands", () => {
  it("reads the commands before the flush packet and ignores the pack after it", () => {
    const body = Buffer.concat([
      pkt(`${zero} ${a} refs/heads/main\0 report-status side-band-64k agent=git/2.47\n`),
      pkt(`${a} ${b} refs/heads/feature\n`),
      pkt(`${b} ${zero} refs/tags/old\n`),
      Buffer.from("0000PACK\0\0\0\u0002garbage"),
    ]);
    expect(readPushCommands(body)).toEqual([
      { ref: "refs/heads/main", before: zero, after: a },
      { ref: "refs/heads/feature", before: a, after: b },
      { ref: "refs/tags/old", before: b, after: zero },
    ]);
  });

  it("skips shallow lines and reads a signed push's commands from its certificate", () => {
    const body = Buffer.concat([
      pkt(`shallow ${a}\n`),
      pkt("push-cert\0 report-status\n"),
      pkt("certificate version 0.1\n"),
      pkt("pusher Test <t@example.test> 1 +0000\n"),
      pkt("\n"),
      pkt(`${a} ${b} refs/heads/main\n`),
      pkt("-----BEGIN PGP SIGNATURE-----\n"),
      pkt("push-cert-end\n"),
      Buffer.from("0000"),
    ]);
    expect(readPushCommands(body)).toEqual([{ ref: "refs/heads/main", before: a, after: b }]);
  });

  it("reads SHA-256 ids and stops at a truncated or malformed packet", () => {
    const long = "c".repeat(64);
    expect(readPushCommands(pkt(`${"0".repeat(64)} ${long} refs/heads/main\n`))).toEqual([{ ref: "refs/heads/main", before: "0".repeat(64), after: long }]);
    const whole = pkt(`${zero} ${a} refs/heads/main\n`);
    expect(readPushCommands(Buffer.concat([whole, pkt(`${a} ${b} refs/heads/x\n`).subarray(0, 20)]))).toHaveLength(1);
    expect(readPushCommands(Buffer.from("zzzz"))).toEqual([]);
    expect(readPushCommands(Buffer.from("\x1f\x8b\x08\x00"))).toEqual([]);
    expect(readPushCommands(pkt("not a command\n"))).toEqual([]);
  });
});
