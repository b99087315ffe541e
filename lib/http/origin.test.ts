import { afterEach, describe, expect, it } from "vitest";
import { isSameOrigin, publicOrigin } from "./origin";

const headers = (h: Record<string, string>) => new Headers(h);

describe("origins", () => {
  afterEach(() => {
    delete process.env.BENCHTOP_URL;
    delete process.env.AUTH_URL;
  });

  it("builds public URLs on BENCHTOP_URL, else AUTH_URL, else the request", () => {
    const h = headers({ host: "internal:3000" });
    expect(publicOrigin(h)).toBe("http://internal:3000");
    process.env.AUTH_URL = "https://auth.example.test/api/auth";
    expect(publicOrigin(h)).toBe("https://auth.example.test");
    process.env.BENCHTOP_URL = "https://bench.example.test";
    expect(publicOrigin(h)).toBe("https://bench.example.test");
  });

  it("honours a proxy's forwarded host and protocol", () => {
    expect(publicOrigin(headers({ host: "10.0.0.2:3000", "x-forwarded-host": "bench.example.test", "x-forwarded-proto": "https" }))).toBe("https://bench.example.test");
  });

  it("accepts only this server's origin", () => {
    expect(isSameOrigin(headers({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOrigin(headers({ host: "localhost:3000", origin: "http://evil.test" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "localhost:3000", origin: "https://localhost:3000" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "localhost:3000", origin: "null" }))).toBe(false);
  });
});
