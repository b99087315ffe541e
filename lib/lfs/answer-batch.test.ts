import { describe, expect, it } from "vitest";
import { answerBatch } from "./answer-batch";
import { batchRequestSchema, chooseTransfer, MAX_BATCH_OBJECTS, type BatchRequest } from "./batch-request";

const A = "a".repeat(64);
const B = "b".repeat(64);
const LFS = "https://benchtop.example/git/ana/forecast.git/info/lfs";

const answer = (request: BatchRequest, held: [string, number][] = [], maxObjectBytes = 1000) =>
  answerBatch({ request, held: new Map(held), maxObjectBytes, objectUrl: (oid) => `${LFS}/objects/${oid}`, verifyUrl: `${LFS}/objects/verify` });

describe("batch requests", () => {
  it("takes git-lfs's request and refuses what the spec does not allow", () => {
    const request = { operation: "upload", transfers: ["lfs-standalone-file", "basic", "ssh"], ref: { name: "refs/heads/main" }, objects: [{ oid: A, size: 3 }], hash_algo: "sha256" };
    expect(batchRequestSchema.parse(request)).toEqual(request);
    expect(batchRequestSchema.safeParse({ ...request, operation: "delete" }).success).toBe(false);
    expect(batchRequestSchema.safeParse({ ...request, objects: [{ oid: A, size: -1 }] }).success).toBe(false);
    expect(batchRequestSchema.safeParse({ ...request, objects: [{ oid: A, size: 1.5 }] }).success).toBe(false);
    expect(batchRequestSchema.safeParse({ ...request, objects: Array.from({ length: MAX_BATCH_OBJECTS + 1 }, () => ({ oid: A, size: 1 })) }).success).toBe(false);
    expect(batchRequestSchema.safeParse({ operation: "download", objects: [], ref: null }).success).toBe(true);
  });

  it("answers with the basic transfer when offered, or when nothing is named", () => {
    expect(chooseTransfer(undefined)).toBe("basic");
    expect(chooseTransfer([])).toBe("basic");
    expect(chooseTransfer(["lfs-standalone-file", "basic"])).toBe("basic");
    expect(chooseTransfer(["tus"])).toBeUndefined();
  });
});

describe("batch answers", () => {
  it("downloads what the project holds and says 404 for the rest", () => {
    const result = answer({ operation: "download", objects: [{ oid: A, size: 3 }, { oid: B, size: 4 }] }, [[A, 3]]);
    expect(result).toEqual({
      transfer: "basic",
      hash_algo: "sha256",
      objects: [
        { oid: A, size: 3, actions: { download: { href: `${LFS}/objects/${A}` } } },
        { oid: B, size: 4, error: { code: 404, message: "Object does not exist" } },
      ],
    });
  });

  it("asks to upload and verify what the project lacks, and nothing for what it holds", () => {
    const result = answer({ operation: "upload", objects: [{ oid: A, size: 3 }, { oid: B, size: 4 }] }, [[A, 3]]);
    expect(result.objects).toEqual([
      { oid: A, size: 3 },
      { oid: B, size: 4, actions: { upload: { href: `${LFS}/objects/${B}` }, verify: { href: `${LFS}/objects/verify` } } },
    ]);
    // No credential in any action: the client sends its own to the same host.
    expect(JSON.stringify(result)).not.toMatch(/header|authorization/i);
  });

  it("refuses per object: over the limit (naming the setting), an id that is not a SHA-256, a size that is not the object's, another hash", () => {
    const [big] = answer({ operation: "upload", objects: [{ oid: A, size: 5000 }] }).objects;
    expect(big?.error?.code).toBe(422);
    expect(big?.error?.message).toContain("lfs.maxObjectBytes");
    expect(big?.error?.message).toContain("1000 bytes");
    expect(big?.actions).toBeUndefined();

    const [odd] = answer({ operation: "download", objects: [{ oid: "../../etc/passwd", size: 1 }] }).objects;
    expect(odd?.error).toEqual({ code: 422, message: expect.stringContaining("SHA-256") });

    const [wrongSize] = answer({ operation: "upload", objects: [{ oid: A, size: 4 }] }, [[A, 3]]).objects;
    expect(wrongSize?.error?.code).toBe(422);

    const [sha1] = answer({ operation: "download", objects: [{ oid: A, size: 3 }], hash_algo: "sha512" }, [[A, 3]]).objects;
    expect(sha1?.error?.code).toBe(409);
  });
});
