import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("takes the address Benchtop's server set from the socket, never X-Forwarded-For or X-Real-IP", () => {
    const headers = new Headers({ "x-benchtop-client-address": "203.0.113.5", "x-forwarded-for": "198.51.100.1, 198.51.100.2", "x-real-ip": "198.51.100.3" });
    expect(clientAddress(headers)).toBe("203.0.113.5");
  });

  it("puts every caller under one 'unknown' address without Benchtop's server in front", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.1" }))).toBe("unknown");
  });
});
