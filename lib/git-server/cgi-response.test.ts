import { describe, expect, it } from "vitest";
import { parseCgiHead } from "./cgi-response";

describe("parseCgiHead", () => {
  it("waits for the blank line", () => {
    expect(parseCgiHead(Buffer.from("Content-Type: text/plain\r\n"))).toBeUndefined();
  });

  it("reads Status and headers, and where the body starts", () => {
    const raw = Buffer.from("Status: 403 Forbidden\r\nContent-Type: text/plain\r\nExpires: x\r\n\r\nbody");
    const head = parseCgiHead(raw)!;
    expect(head.status).toBe(403);
    expect(head.headers.get("content-type")).toBe("text/plain");
    expect(raw.subarray(head.bodyStart).toString()).toBe("body");
  });

  it("accepts bare newlines and defaults to 200", () => {
    const raw = Buffer.from("Content-Type: application/x-git-upload-pack-advertisement\n\n001e#");
    const head = parseCgiHead(raw)!;
    expect(head.status).toBe(200);
    expect(raw.subarray(head.bodyStart).toString()).toBe("001e#");
  });
});
