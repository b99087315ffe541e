import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { batchAnswerSchema } from "./batch-schema";
import { rewriteBatchAnswer } from "./rewrite-batch-answer";
import { TRANSFER_PREFIX, openTransferGrant } from "./transfer-grant";

const key = randomBytes(32);
const now = Date.parse("2025-01-01T12:00:00Z");
const [a, b, c] = ["a", "b", "c"].map((x) => x.repeat(64)) as [string, string, string];
const repository = { hostname: "github.com", port: null, repoPath: "/acme/models.git" };

// Shaped like GitHub's answers: storage URLs on another host with signed query strings, RemoteAuth headers.
const hostAnswer = batchAnswerSchema.parse({
  transfer: "basic",
  objects: [
    {
      oid: a,
      size: 10,
      authenticated: true,
      actions: {
        upload: { href: "https://storage.example/media/a?X-Amz-Signature=sig-a", header: { Authorization: "RemoteAuth upload-secret", "Content-Type": "application/octet-stream" }, expires_in: 3600 },
        verify: { href: "https://lfs.example/acme/models/objects/a/verify", header: { Authorization: "RemoteAuth verify-secret" }, expires_at: "2025-01-01T12:05:00Z" },
      },
    },
    { oid: b, size: 20 },
    { oid: c, size: 30, error: { code: 404, message: "Object does not exist" } },
    { oid: "d".repeat(64), size: 1, actions: { download: { href: "https://storage.example/never-asked" } } },
  ],
  hash_algo: "sha256",
});

const rewrite = () =>
  rewriteBatchAnswer({ answer: hostAnswer, asked: [{ oid: a, size: 10 }, { oid: b, size: 20 }, { oid: c, size: 30 }], userId: "u1", repository, origin: "https://bench.example", now, key });

describe("rewriteBatchAnswer", () => {
  it("points every action at the gateway and lets no header, signature or storage host through", () => {
    const answer = rewrite();
    const text = JSON.stringify(answer);
    for (const secret of ["storage.example", "lfs.example", "sig-a", "X-Amz", "RemoteAuth", "upload-secret", "verify-secret", "header"]) expect(text).not.toContain(secret);
    const upload = answer.objects[0]!.actions!.upload!;
    expect(upload.href.startsWith(`https://bench.example${TRANSFER_PREFIX}`)).toBe(true);
    expect(answer.objects[0]!.authenticated).toBe(true);
    expect(answer).toMatchObject({ transfer: "basic", hash_algo: "sha256" });
  });

  it("seals what the relay needs: the original URL and headers, method, user, repository, object and expiry", () => {
    const { upload, verify } = rewrite().objects[0]!.actions!;
    const grant = openTransferGrant(upload!.href.slice(`https://bench.example${TRANSFER_PREFIX}`.length), key);
    expect(grant).toEqual({
      userId: "u1",
      repository,
      action: "upload",
      method: "PUT",
      href: "https://storage.example/media/a?X-Amz-Signature=sig-a",
      header: { Authorization: "RemoteAuth upload-secret", "Content-Type": "application/octet-stream" },
      oid: a,
      size: 10,
      expiresAt: now + 15 * 60_000,
    });
    expect(upload).toMatchObject({ expires_in: 900, expires_at: "2025-01-01T12:15:00Z" });
    const verifyGrant = openTransferGrant(verify!.href.split(TRANSFER_PREFIX)[1]!, key);
    expect(verifyGrant).toMatchObject({ action: "verify", method: "POST", expiresAt: now + 5 * 60_000 });
    expect(verify).toMatchObject({ expires_in: 300 });
  });

  it("keeps objects the host already has (no actions) and object errors; drops objects nobody asked for", () => {
    const { objects } = rewrite();
    expect(objects.map((o) => o.oid)).toEqual([a, b, c]);
    expect(objects[1]).toEqual({ oid: b, size: 20 });
    expect(objects[2]).toEqual({ oid: c, size: 30, error: { code: 404, message: "Object does not exist" } });
  });

  it("turns actions it cannot relay into an object error rather than a silent success", () => {
    const answer = batchAnswerSchema.parse({ objects: [{ oid: a, size: 10, actions: { "multipart-upload": { href: "https://storage.example/x" } } }] });
    const { objects } = rewriteBatchAnswer({ answer, asked: [{ oid: a, size: 10 }], userId: "u1", repository, origin: "https://bench.example", now, key });
    expect(objects[0]!.actions).toBeUndefined();
    expect(objects[0]!.error?.code).toBe(422);
  });
});
