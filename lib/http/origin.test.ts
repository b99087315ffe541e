import { afterEach, describe, expect, it } from "vitest";
import { isSameOrigin, isSameOriginRequest, publicOrigin, requestOrigin } from "./origin";

const headers = (h: Record<string, string>) => new Headers(h);

describe("origins", () => {
  afterEach(() => {
    delete process.env.BENCHTOP_URL;
    delete process.env.AUTH_URL;
    delete process.env.BENCHTOP_TRUSTED_PROXIES;
  });

  it("builds public URLs on BENCHTOP_URL, else AUTH_URL, else the request", () => {
    const h = headers({ host: "internal:3000" });
    expect(publicOrigin(h)).toBe("http://internal:3000");
    process.env.AUTH_URL = "https://auth.example.test/api/auth";
    expect(publicOrigin(h)).toBe("https://auth.example.test");
    process.env.BENCHTOP_URL = "https://bench.example.test";
    expect(publicOrigin(h)).toBe("https://bench.example.test");
  });

  it("honours a forwarded host and protocol only when the operator trusts a proxy", () => {
    const forwarded = headers({ host: "10.0.0.2:3000", "x-forwarded-host": "bench.example.test", "x-forwarded-proto": "https" });
    expect(requestOrigin(forwarded)).toBe("http://10.0.0.2:3000");
    process.env.BENCHTOP_TRUSTED_PROXIES = "10.0.0.1";
    expect(requestOrigin(forwarded)).toBe("https://bench.example.test");
  });

  it("accepts only this server's origin", () => {
    expect(isSameOrigin(headers({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOrigin(headers({ host: "localhost:3000", origin: "http://evil.test" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "localhost:3000", origin: "https://localhost:3000" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "localhost:3000", origin: "http://localhost:3000.evil.test" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "localhost:3000", origin: "null" }))).toBe(false);
  });

  it("does not let a forged Host vouch for a foreign Origin when a public origin is configured", () => {
    process.env.BENCHTOP_URL = "https://bench.example.test";
    expect(isSameOrigin(headers({ host: "evil.example", origin: "http://evil.example" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "evil.example", origin: "https://bench.example.test" }))).toBe(true);
  });

  it("does not believe X-Forwarded-Host from an untrusted peer", () => {
    expect(isSameOrigin(headers({ host: "localhost:3000", "x-forwarded-host": "evil.example", origin: "http://evil.example" }))).toBe(false);
  });

  it("requires a same-origin Origin or Sec-Fetch-Site for state-changing requests", () => {
    const host = { host: "localhost:3000" };
    expect(isSameOriginRequest(headers({ ...host, origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOriginRequest(headers({ ...host, "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(headers(host))).toBe(false);
    expect(isSameOriginRequest(headers({ ...host, origin: "null" }))).toBe(false);
    expect(isSameOriginRequest(headers({ ...host, "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(headers({ ...host, "sec-fetch-site": "same-site", origin: "http://localhost:3000" }))).toBe(false);
    expect(isSameOriginRequest(headers({ ...host, "sec-fetch-site": "same-origin", origin: "http://evil.test" }))).toBe(false);
  });
});
