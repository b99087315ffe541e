import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./seal";

const key = randomBytes(32);

describe("sealSecret", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = sealSecret({ plaintext: "ghp_supersecret", context: "repo:1", key });
    expect(sealed).not.toContain("ghp_supersecret");
    expect(openSecret({ sealed, context: "repo:1", key })).toBe("ghp_supersecret");
  });

  it("uses a fresh IV each time", () => {
    const a = sealSecret({ plaintext: "x", context: "c", key });
    const b = sealSecret({ plaintext: "x", context: "c", key });
    expect(a).not.toBe(b);
  });

  it("refuses another context, another key and tampering", () => {
    const sealed = sealSecret({ plaintext: "token", context: "repo:1", key });
    expect(() => openSecret({ sealed, context: "repo:2", key })).toThrow();
    expect(() => openSecret({ sealed, context: "repo:1", key: randomBytes(32) })).toThrow();
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => openSecret({ sealed: `v1:${raw.toString("base64")}`, context: "repo:1", key })).toThrow();
  });
});
