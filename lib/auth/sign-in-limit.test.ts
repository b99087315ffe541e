import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { assertSignInAllowed, clearSignInFailures, listLimitedAccounts, recordSignInFailure, SIGN_IN_RULES } from "./sign-in-limit";

const t0 = new Date("2026-01-01T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function limited(attempt: { email: string; address: string; now: Date }): AppError | undefined {
  try {
    assertSignInAllowed(attempt);
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

/** `n` failures for the account from the address, one a second starting at `from`. */
function fail({ email, address, n, from = 0 }: { email: string; address: string; n: number; from?: number }) {
  for (let i = 0; i < n; i++) recordSignInFailure({ email, address, now: at(from + i) });
}

describe("failed sign-in limit", () => {
  it("lets one account from one address fail five times, then makes each attempt wait longer", () => {
    const email = "Pair@Example.test";
    const address = "198.51.100.1";
    fail({ email, address, n: 5 });
    // Latest failure at 4 s: the sixth attempt waits 30 s from it, in any letter case.
    const first = limited({ email: "pair@example.test", address, now: at(5) });
    expect(first?.code).toBe("rate_limited");
    expect(first?.status).toBe(429);
    expect(first?.headers?.["retry-after"]).toBe("29");
    expect(first?.message).toMatch(/Wait 29 seconds/);
    expect(limited({ email, address, now: at(34) })).toBeUndefined();

    // The sixth failure doubles the wait (60 s), the seventh again (120 s).
    recordSignInFailure({ email, address, now: at(34) });
    expect(limited({ email, address, now: at(93) })?.headers?.["retry-after"]).toBe("1");
    expect(limited({ email, address, now: at(94) })).toBeUndefined();
    recordSignInFailure({ email, address, now: at(94) });
    expect(limited({ email, address, now: at(95) })?.headers?.["retry-after"]).toBe("119");
  });

  it("caps the wait, and forgets failures after an hour", () => {
    const email = "cap@example.test";
    const address = "198.51.100.2";
    fail({ email, address, n: 15 });
    expect(Number(limited({ email, address, now: at(15) })?.headers?.["retry-after"])).toBe(SIGN_IN_RULES.pair.capMs / 1000 - 1);
    expect(limited({ email, address, now: at(14 + 15 * 60) })).toBeUndefined();
    expect(limited({ email, address, now: at(3600 + 15) })).toBeUndefined();
  });

  it("does not stop the owner's address when another address fails for the account", () => {
    const email = "owner@example.test";
    fail({ email, address: "203.0.113.66", n: 8 });
    expect(limited({ email, address: "203.0.113.66", now: at(9) })?.code).toBe("rate_limited");
    expect(limited({ email, address: "192.0.2.10", now: at(9) })).toBeUndefined();
  });

  it("slows guessing spread over many addresses, by at most a minute per attempt", () => {
    const email = "spread@example.test";
    for (let i = 0; i < 24; i++) recordSignInFailure({ email, address: `203.0.113.${i}`, now: at(i) });
    // 24 failures, 20 free: the account waits 1 s * 2^4 = 16 s from the latest, from any address.
    const error = limited({ email, address: "192.0.2.11", now: at(24) });
    expect(error?.headers?.["retry-after"]).toBe("15");
    expect(error?.message).toMatch(/for this account\./);
    expect(limited({ email, address: "192.0.2.11", now: at(39) })).toBeUndefined();
    for (let i = 24; i < 40; i++) recordSignInFailure({ email, address: `203.0.113.${i}`, now: at(i) });
    expect(limited({ email, address: "192.0.2.11", now: at(40) })?.headers?.["retry-after"]).toBe(String(SIGN_IN_RULES.account.capMs / 1000 - 1));
  });

  it("slows one address that fails across many accounts", () => {
    const address = "192.0.2.50";
    for (let i = 0; i < 50; i++) recordSignInFailure({ email: `u${i}@example.test`, address, now: at(1) });
    expect(limited({ email: "fresh@example.test", address, now: at(1.5) })?.message).toMatch(/from your address/);
    expect(limited({ email: "fresh@example.test", address: "192.0.2.51", now: at(1.5) })).toBeUndefined();
    expect(limited({ email: "fresh@example.test", address, now: at(2) })).toBeUndefined();
  });

  it("lists the accounts that must wait, and an unlock clears them from every address", () => {
    const email = "Locked@Example.test";
    fail({ email, address: "198.51.100.9", n: 6 });
    fail({ email: "calm@example.test", address: "198.51.100.9", n: 2 });
    const listed = listLimitedAccounts({ emails: [email, "calm@example.test"], now: at(6) });
    expect([...listed.keys()]).toEqual(["locked@example.test"]);
    expect(listed.get("locked@example.test")).toEqual(at(5 + 60));

    expect(clearSignInFailures({ email })).toBe(6);
    expect(limited({ email, address: "198.51.100.9", now: at(6) })).toBeUndefined();
    expect(listLimitedAccounts({ emails: [email], now: at(6) }).size).toBe(0);
  });
});
