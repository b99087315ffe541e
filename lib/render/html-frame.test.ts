import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { pagePolicy } from "@/lib/http/security-headers";
import { FRAME_SCRIPT, FRAME_SCRIPT_HASH, MAX_FRAME_HEIGHT, frameHeightFromMessage, htmlFrame } from "./html-frame";

describe("html frames", () => {
  it("the page policy allows Benchtop's frame script by its hash, and only that script", () => {
    const hash = `'sha256-${crypto.createHash("sha256").update(FRAME_SCRIPT).digest("base64")}'`;
    expect(FRAME_SCRIPT_HASH).toBe(hash);
    const scriptSources = /script-src ([^;]*)/.exec(pagePolicy({ nonce: "n" }))![1]!;
    expect(scriptSources).toContain(hash);
    expect(scriptSources).not.toMatch(/unsafe-inline/);
    expect(htmlFrame("<p>x</p>").srcdoc.match(/<script>/g)).toHaveLength(1);
  });

  it("reads a frame's height message, clamped, and ignores anything else", () => {
    expect(frameHeightFromMessage({ benchtopFrameHeight: 120.2 })).toBe(121);
    expect(frameHeightFromMessage({ benchtopFrameHeight: 1e9 })).toBe(MAX_FRAME_HEIGHT);
    expect(frameHeightFromMessage({ benchtopFrameHeight: -5 })).toBe(0);
    for (const data of [null, "120", { benchtopFrameHeight: "120" }, { benchtopFrameHeight: Number.NaN }, { other: 1 }]) {
      expect(frameHeightFromMessage(data)).toBeNull();
    }
  });
});
