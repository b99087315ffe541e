import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, normalizeClientHeaders, parseTrustedProxies } from "./client-headers.mjs";

describe("client headers", () => {
  const none = parseTrustedProxies("");

  it("takes the socket's address and drops a client's forwarded headers", () => {
    const headers: Record<string, string> = { "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "evil.example", [CLIENT_ADDRESS_HEADER]: "9.9.9.9" };
    expect(normalizeClientHeaders(headers, "::ffff:127.0.0.1", none)).toBe("127.0.0.1");
    expect(headers).toEqual({ [CLIENT_ADDRESS_HEADER]: "127.0.0.1" });
  });

  it("behind trusted proxies takes the right-most untrusted entry", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, ::1");
    const headers: Record<string, string> = { "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.3", "x-forwarded-host": "bench.example" };
    expect(normalizeClientHeaders(headers, "10.0.0.2", trusted)).toBe("203.0.113.7");
    expect(headers["x-forwarded-host"]).toBe("bench.example");
  });

  it("refuses a setting that is not an address", () => {
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/not an IP address/);
  });
});
