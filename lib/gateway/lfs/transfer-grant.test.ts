import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_TRANSFER_MS, actionExpiry, openTransferGrant, sealTransferGrant, type TransferGrant } from "./transfer-grant";

const key = randomBytes(32);
const oid = "a".repeat(64);
const grant: TransferGrant = {
  userId: "user-1",
  repository: { hostname: "github.com", port: null, repoPath: "/acme/models.git" },
  action: "download",
  method: "GET",
  href: "https://storage.example/bucket/obj?X-Amz-Signature=deadbeef",
  header: { Authorization: "RemoteAuth secret-token" },
  oid,
  size: 123,
  expiresAt: 1_700_000_000_000,
};

describe("the sealed transfer grant", () => {
  it("round-trips, fits a URL path segment and shows none of what it binds", () => {
    const token = sealTransferGrant(grant, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const secret of ["storage.example", "deadbeef", "RemoteAuth", "secret-token", "user-1", oid]) expect(token).not.toContain(secret);
    expect(openTransferGrant(token, key)).toEqual(grant);
  });

  it("does not open under another key, changed, cut short or made up", () => {
    const token = sealTransferGrant(grant, key);
    expect(openTransferGrant(token, randomBytes(32))).toBeNull();
    const flipped = Buffer.from(token, "base64url");
    flipped[flipped.length - 20] = (flipped[flipped.length - 20] ?? 0) ^ 1;
    expect(openTransferGrant(flipped.toString("base64url"), key)).toBeNull();
    expect(openTransferGrant(token.slice(0, -4), key)).toBeNull();
    expect(openTransferGrant("not/a/token", key)).toBeNull();
    expect(openTransferGrant("", key)).toBeNull();
  });

  it("refuses to seal what it could not open again", () => {
    expect(() => sealTransferGrant({ ...grant, oid: "not-an-oid" }, key)).toThrow();
  });
});

describe("actionExpiry", () => {
  const now = 1_000_000;
  it("takes expires_in over expires_at, and caps both at 15 minutes", () => {
    expect(actionExpiry({ expires_in: 60, expires_at: "2099-01-01T00:00:00Z" }, now)).toBe(now + 60_000);
    expect(actionExpiry({ expires_in: 86_400 }, now)).toBe(now + MAX_TRANSFER_MS);
    expect(actionExpiry({ expires_at: new Date(now + 30_000).toISOString() }, now)).toBe(now + 30_000);
    expect(actionExpiry({ expires_at: "2099-01-01T00:00:00Z" }, now)).toBe(now + MAX_TRANSFER_MS);
  });

  it("keeps a host's past expiry (the relay then refuses) and caps an action that names none", () => {
    expect(actionExpiry({ expires_in: -5 }, now)).toBe(now - 5000);
    expect(actionExpiry({}, now)).toBe(now + MAX_TRANSFER_MS);
    expect(actionExpiry({ expires_at: "soon" }, now)).toBe(now + MAX_TRANSFER_MS);
  });
});
