// Failed sign-ins are counted per account and address. Every test request
// comes from the same loopback address, so these tests spend as few failures as
// they can (6 in this file) and each uses a fresh account.
import { describe, expect, it } from "vitest";
import { createUser } from "../helpers/api";
import { browserSignIn, call, expectError, requestToken } from "./helpers";

describe("failed sign-in limit", () => {
  it("refuses further sign-ins for an account from an address after 5 failures there, even with the right password", async () => {
    const user = await createUser();
    const wrong = { email: user.email, password: `${user.password}-wrong` };

    // Failures on the sign-in page and on POST /api/v1/tokens count together.
    for (let i = 0; i < 2; i++) {
      const page = await browserSignIn(wrong);
      expect(page.cookie, "no session after a wrong password").toBeUndefined();
    }
    for (let i = 0; i < 2; i++) expectError(await requestToken(wrong), 401, "unauthorized");

    // Four failures: the right password still works, and that success does not count.
    expect((await requestToken({ email: user.email, password: user.password })).status).toBe(201);

    // The fifth failure is still an ordinary one.
    expectError(await requestToken(wrong), 401, "unauthorized");

    const limited = await requestToken({ email: user.email, password: user.password });
    expectError(limited, 429, "rate_limited");
    const retryAfter = limited.headers.get("retry-after");
    expect(retryAfter, "Retry-After header").toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60);

    // Also with the email in another case, and with a wrong password.
    expectError(await requestToken({ email: user.email.toUpperCase(), password: user.password }), 429, "rate_limited");
    expectError(await requestToken(wrong), 429, "rate_limited");

    // The sign-in page refuses too, and says why.
    const page = await browserSignIn({ email: user.email, password: user.password });
    expect(page.cookie, "no session while limited").toBeUndefined();
    expect(page.location ?? "").toMatch(/rate_limited/);
  });

  it("limits one account only: another account still signs in", async () => {
    const other = await createUser();
    const res = await requestToken({ email: other.email, password: other.password });
    expect(res.status, res.text).toBe(201);
    expect((await browserSignIn(other)).cookie).toBeDefined();
  });

  it("never counts successful sign-ins", async () => {
    const user = await createUser();
    for (let i = 0; i < 10; i++) {
      const res = await requestToken({ email: user.email, password: user.password });
      expect(res.status, `success ${i + 1}: ${res.text}`).toBe(201);
    }
    expectError(await requestToken({ email: user.email, password: `${user.password}-wrong` }), 401, "unauthorized");
    const after = await requestToken({ email: user.email, password: user.password });
    expect(after.status, after.text).toBe(201);
    expect((await call("/api/v1/me", { token: after.body.token })).body.id).toBe(user.id);
    const tokens = await call("/api/v1/tokens", { token: after.body.token });
    // createUser's token, ten more, and the last one.
    expect(tokens.body.tokens).toHaveLength(12);
  });
});
