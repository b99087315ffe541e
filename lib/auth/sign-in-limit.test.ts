import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { assertSignInAllowed, recordSignInFailure } from "./sign-in-limit";

const t0 = new Date("2026-01-01T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function limited(attempt: { email: string; address: string; now: Date }): AppError | undefined {
  try {
    assertSignInAllowed(attempt);
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

describe("failed sign-in limit", () => {
  it("stops an account after 5 failures within 15 minutes, then lifts", () => {
    const email = "Limit@Example.test";
    for (let i = 0; i < 5; i++) {
      expect(limited({ email, address: `10.0.0.${i}`, now: later(i) })).toBeUndefined();
      recordSignInFailure({ email, address: `10.0.0.${i}`, now: later(i) });
    }
    const error = limited({ email: "limit@example.test", address: "10.9.9.9", now: later(5) });
    expect(error?.code).toBe("rate_limited");
    expect(error?.status).toBe(429);
    // The oldest failure leaves the window at minute 15: 10 minutes from minute 5.
    expect(error?.headers?.["retry-after"]).toBe(String(10 * 60));
    expect(limited({ email, address: "10.9.9.9", now: later(15.1) })).toBeUndefined();
  });

  it("stops an address after 50 failures across accounts", () => {
    const address = "192.0.2.50";
    for (let i = 0; i < 50; i++) recordSignInFailure({ email: `u${i}@example.test`, address, now: later(1) });
    expect(limited({ email: "fresh@example.test", address, now: later(2) })?.code).toBe("rate_limited");
    expect(limited({ email: "fresh@example.test", address: "192.0.2.51", now: later(2) })).toBeUndefined();
  });
});
