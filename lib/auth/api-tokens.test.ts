import { describe, expect, it } from "vitest";
import { getTokenWithUserByDigest, insertUser, updateUserRow } from "../db";
import { createApiToken, digestToken, listApiTokens, resolveApiToken, revokeApiToken } from "./api-tokens";

let n = 0;
const newUser = () => insertUser({ email: `t${++n}@example.test`, name: "T", handle: `t${n}`, passwordHash: "x", role: "user" });

describe("personal access tokens", () => {
  it("stores only a digest and resolves the token to its user", () => {
    const user = newUser();
    const created = createApiToken({ userId: user.id, name: "laptop" });
    expect(created.token).toMatch(/^btp_[A-Za-z0-9_-]{43}$/);
    const stored = getTokenWithUserByDigest({ digest: digestToken(created.token) });
    expect(stored?.token.digest).toBe(digestToken(created.token));
    expect(JSON.stringify(stored?.token)).not.toContain(created.token);
    expect(resolveApiToken({ token: created.token })?.id).toBe(user.id);
  });

  it("records the last use and lists tokens without their secret", () => {
    const user = newUser();
    const created = createApiToken({ userId: user.id, name: "ci" });
    expect(listApiTokens({ userId: user.id })[0]?.lastUsedAt).toBeNull();
    resolveApiToken({ token: created.token });
    const [listed] = listApiTokens({ userId: user.id });
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(listed).not.toHaveProperty("token");
  });

  it("refuses revoked, expired, unknown and disabled users' tokens", () => {
    const user = newUser();
    const revoked = createApiToken({ userId: user.id, name: "a" });
    revokeApiToken({ userId: user.id, id: revoked.id });
    expect(resolveApiToken({ token: revoked.token })).toBeUndefined();

    const expiring = createApiToken({ userId: user.id, name: "b", expiresAt: new Date(Date.now() + 1000) });
    expect(resolveApiToken({ token: expiring.token, now: new Date(Date.now() + 2000) })).toBeUndefined();

    expect(resolveApiToken({ token: "btp_unknown" })).toBeUndefined();
    expect(resolveApiToken({ token: "not-even-ours" })).toBeUndefined();

    const live = createApiToken({ userId: user.id, name: "c" });
    updateUserRow({ id: user.id, changes: { disabled: true } });
    expect(resolveApiToken({ token: live.token })).toBeUndefined();
  });

  it("does not let one user revoke another's token", () => {
    const a = newUser();
    const b = newUser();
    const token = createApiToken({ userId: a.id, name: "a" });
    expect(() => revokeApiToken({ userId: b.id, id: token.id })).toThrow(/not found/);
    expect(resolveApiToken({ token: token.token })?.id).toBe(a.id);
  });
});
